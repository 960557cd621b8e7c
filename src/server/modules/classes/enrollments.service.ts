import { and, eq, ne, sql } from 'drizzle-orm';
import type {
  CreateEnrollmentRequest,
  Enrollment,
  UpdateEnrollmentRequest,
} from '../../../shared/contracts/classes.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Tx } from '../../infra/db.js';
import { enrollments } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { chargeEnrollmentFee } from '../billing/index.js';
import { listEnrollments } from './enrollments.repo.js';
import { findGroupRow } from './groups.service.js';
import { findStudentRow } from './students.repo.js';

async function getEnrollment(tx: Tx | AppContext['db'], organizationId: string, id: string) {
  const [enrollment] = await listEnrollments(tx, organizationId, { id });
  if (!enrollment) throw new AppError('not_found');
  return enrollment;
}

/** Refuses a second enrolment of the student in the group over overlapping dates. */
async function assertNoOverlap(
  tx: Tx,
  row: { id?: string; studentId: string; groupId: string; startsOn: string; endsOn: string | null },
) {
  const [clash] = await tx
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.studentId, row.studentId),
        eq(enrollments.groupId, row.groupId),
        row.id ? ne(enrollments.id, row.id) : undefined,
        sql`${enrollments.startsOn} <= coalesce(${row.endsOn}::date, 'infinity'::date)`,
        sql`coalesce(${enrollments.endsOn}, 'infinity'::date) >= ${row.startsOn}::date`,
      ),
    )
    .limit(1);
  if (clash) throw new AppError('already_enrolled');
}

/**
 * Enrols a student into a group. In a one-time-fee group the fee is charged to the student's
 * ledger in the same transaction (billing's `chargeEnrollmentFee`). A retried request with the
 * same client `id` returns the first enrolment and charges nothing more.
 */
export async function createEnrollment(
  ctx: AppContext,
  organizationId: string,
  input: CreateEnrollmentRequest,
  actorId: string | null,
): Promise<Enrollment> {
  if (input.endsOn && input.endsOn < input.startsOn) throw new AppError('dates_invalid');
  const id = await ctx.db.transaction(async (tx) => {
    if (input.id) {
      // Serializes a double click: the second request waits for the first and sees its row.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${input.id}, 0))`);
      const [existing] = await tx.select().from(enrollments).where(eq(enrollments.id, input.id));
      if (existing) {
        const same =
          existing.organizationId === organizationId &&
          existing.studentId === input.studentId &&
          existing.groupId === input.groupId;
        if (!same) throw new AppError('id_conflict');
        return existing.id;
      }
    }
    const student = await findStudentRow(tx, organizationId, input.studentId);
    if (!student) throw new AppError('not_found');
    const group = await findGroupRow(tx, organizationId, input.groupId);
    if (group.archivedAt) throw new AppError('reference_invalid');
    const row = {
      studentId: input.studentId,
      groupId: input.groupId,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    };
    await assertNoOverlap(tx, row);
    const fee =
      group.paymentMode === 'one_time_fee' ? (input.feeKopecks ?? group.feeKopecks ?? 0) : null;
    const [created] = await tx
      .insert(enrollments)
      .values({ ...(input.id ? { id: input.id } : {}), organizationId, ...row, feeKopecks: fee })
      .returning({ id: enrollments.id });
    if (!created) throw new Error('insert returned no row');
    if (fee !== null && fee > 0) {
      await chargeEnrollmentFee(tx, { organizationId, enrollmentId: created.id, actorId });
    }
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'enrollment.created',
      details: { enrollmentId: created.id, ...row, feeKopecks: fee },
    });
    return created.id;
  });
  return getEnrollment(ctx.db, organizationId, id);
}

/** Changes an enrolment's dates (ending it: `endsOn`). */
export async function updateEnrollment(
  ctx: AppContext,
  organizationId: string,
  id: string,
  input: UpdateEnrollmentRequest,
  actorId: string | null,
): Promise<Enrollment> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.organizationId, organizationId), eq(enrollments.id, id)))
      .for('update');
    if (!before) throw new AppError('not_found');
    const next = {
      id,
      studentId: before.studentId,
      groupId: before.groupId,
      startsOn: input.startsOn ?? before.startsOn,
      endsOn: input.endsOn === undefined ? before.endsOn : input.endsOn,
    };
    if (next.endsOn && next.endsOn < next.startsOn) throw new AppError('dates_invalid');
    await assertNoOverlap(tx, next);
    await tx
      .update(enrollments)
      .set({ startsOn: next.startsOn, endsOn: next.endsOn })
      .where(eq(enrollments.id, id));
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'enrollment.changed',
      details: {
        enrollmentId: id,
        from: { startsOn: before.startsOn, endsOn: before.endsOn },
        to: { startsOn: next.startsOn, endsOn: next.endsOn },
      },
    });
  });
  return getEnrollment(ctx.db, organizationId, id);
}
