import { and, eq } from 'drizzle-orm';
import type {
  LinkStudentAccountRequest,
  OpenStudentAccessRequest,
  OpenStudentAccessResponse,
  StudentAccount,
} from '../../../shared/contracts/classes.js';
import { ZOpenStudentAccessRequest } from '../../../shared/contracts/classes.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { studentAccounts, users } from '../../schema.js';
import { openAccess, recordAudit, type Actor } from '../access/index.js';
import { listStudentAccounts, upsertStudentAccount } from './student-accounts.repo.js';
import { getStudent } from './students.service.js';

async function linkedAccount(
  ctx: AppContext,
  organizationId: string,
  studentId: string,
  userId: string,
): Promise<StudentAccount> {
  const account = (await listStudentAccounts(ctx.db, organizationId, studentId)).find(
    (row) => row.userId === userId,
  );
  if (!account) throw new Error('the link just written is missing');
  return account;
}

/** Lets an existing account (found by email) see the student in the cabinet. */
export async function linkStudentAccountByEmail(
  ctx: AppContext,
  organizationId: string,
  studentId: string,
  input: LinkStudentAccountRequest,
  actorId: string | null,
): Promise<StudentAccount> {
  const relation = input.relation ?? 'parent';
  const userId = await ctx.db.transaction(async (tx) => {
    await getStudent(tx, organizationId, studentId);
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(eq(users.organizationId, organizationId), eq(users.email, normalizeEmail(input.email))),
      );
    if (!user) throw new AppError('account_not_found');
    await upsertStudentAccount(tx, organizationId, studentId, user.id, relation);
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: user.id,
      action: 'student.account_linked',
      details: { studentId, relation },
    });
    return user.id;
  });
  return linkedAccount(ctx, organizationId, studentId, userId);
}

/**
 * «Открыть доступ»: the access module creates or opens the account and sends its invitation (an
 * activation link, never a password); then the account is linked to the student. An account
 * whose access is open already is linked as it is.
 */
export async function openStudentAccess(
  ctx: AppContext,
  organizationId: string,
  studentId: string,
  input: OpenStudentAccessRequest,
  actor: Actor & { kind: 'staff' },
): Promise<OpenStudentAccessResponse> {
  const body = ZOpenStudentAccessRequest.parse(input);
  await getStudent(ctx.db, organizationId, studentId);
  let opened: Omit<OpenStudentAccessResponse, 'account'> & { userId: string };
  try {
    const result = await openAccess(
      ctx,
      organizationId,
      {
        displayName: body.displayName,
        email: body.email,
        phone: body.phone,
        generatePersonalCode: false,
        accessSheet: body.accessSheet,
      },
      actor,
    );
    opened = {
      userId: result.account.id,
      created: result.created,
      invitation: result.invitation,
      activationLink: result.activationLink,
      accessSheet: result.accessSheet,
    };
  } catch (error) {
    // The person can sign in already: linking is all that is left to do.
    const accountId = accessAlreadyOpen(error);
    if (!accountId) throw error;
    opened = {
      userId: accountId,
      created: false,
      invitation: null,
      activationLink: null,
      accessSheet: null,
    };
  }
  await ctx.db.transaction(async (tx) => {
    await upsertStudentAccount(tx, organizationId, studentId, opened.userId, body.relation);
    await recordAudit(tx, {
      organizationId,
      actorId: actor.id,
      subjectId: opened.userId,
      action: 'student.account_linked',
      details: { studentId, relation: body.relation, invited: opened.activationLink !== null },
    });
  });
  const { userId, ...rest } = opened;
  return { account: await linkedAccount(ctx, organizationId, studentId, userId), ...rest };
}

function accessAlreadyOpen(error: unknown): string | null {
  if (!(error instanceof AppError) || error.code !== 'access_already_open') return null;
  const details = error.details as { accountId?: unknown } | undefined;
  return typeof details?.accountId === 'string' ? details.accountId : null;
}

/** The account stops seeing the student (the account itself stays). */
export async function unlinkStudentAccount(
  ctx: AppContext,
  organizationId: string,
  studentId: string,
  userId: string,
  actorId: string | null,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(studentAccounts)
      .where(
        and(
          eq(studentAccounts.organizationId, organizationId),
          eq(studentAccounts.studentId, studentId),
          eq(studentAccounts.userId, userId),
        ),
      )
      .returning({ userId: studentAccounts.userId });
    if (removed.length === 0) throw new AppError('not_found');
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: userId,
      action: 'student.account_unlinked',
      details: { studentId },
    });
  });
}
