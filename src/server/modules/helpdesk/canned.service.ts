import { and, asc, eq } from 'drizzle-orm';
import type {
  CannedResponse,
  CannedResponseInput,
} from '../../../shared/contracts/helpdesk-staff.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { users } from '../access/access.schema.js';
import { cannedResponses } from './helpdesk.schema.js';

/** The organization's canned responses by title (index `helpdesk_canned_responses_org`). */
export async function listCannedResponses(
  db: DbOrTx,
  organizationId: string,
): Promise<CannedResponse[]> {
  const rows = await db
    .select({ response: cannedResponses, author: { id: users.id, displayName: users.displayName } })
    .from(cannedResponses)
    .leftJoin(users, eq(users.id, cannedResponses.createdById))
    .where(eq(cannedResponses.organizationId, organizationId))
    .orderBy(asc(cannedResponses.title));
  return rows.map(({ response, author }) => ({
    id: response.id,
    title: response.title,
    body: response.body,
    createdBy: author?.id ? author : null,
    updatedAt: response.updatedAt.toISOString(),
  }));
}

async function findOne(ctx: AppContext, organizationId: string, id: string) {
  const found = (await listCannedResponses(ctx.db, organizationId)).find((row) => row.id === id);
  if (!found) throw new AppError('not_found');
  return found;
}

export async function createCannedResponse(
  ctx: AppContext,
  organizationId: string,
  authorId: string,
  input: CannedResponseInput,
) {
  const [row] = await ctx.db
    .insert(cannedResponses)
    .values({ organizationId, createdById: authorId, ...input })
    .returning({ id: cannedResponses.id });
  if (!row) throw new Error('insert returned no row');
  return findOne(ctx, organizationId, row.id);
}

export async function updateCannedResponse(
  ctx: AppContext,
  organizationId: string,
  id: string,
  input: CannedResponseInput,
) {
  const [row] = await ctx.db
    .update(cannedResponses)
    .set({ ...input, updatedAt: new Date() })
    .where(and(eq(cannedResponses.organizationId, organizationId), eq(cannedResponses.id, id)))
    .returning({ id: cannedResponses.id });
  if (!row) throw new AppError('not_found');
  return findOne(ctx, organizationId, id);
}

export async function deleteCannedResponse(ctx: AppContext, organizationId: string, id: string) {
  const [row] = await ctx.db
    .delete(cannedResponses)
    .where(and(eq(cannedResponses.organizationId, organizationId), eq(cannedResponses.id, id)))
    .returning({ id: cannedResponses.id });
  if (!row) throw new AppError('not_found');
}
