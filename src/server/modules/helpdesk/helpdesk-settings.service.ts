import { and, asc, count, eq } from 'drizzle-orm';
import type {
  Department,
  DepartmentInput,
  HelpdeskSettings,
  SupportLevel,
  SupportLevelInput,
  TicketField,
  TicketFieldInput,
} from '../../../shared/contracts/helpdesk-staff.js';
import {
  ZDepartmentInput,
  ZSupportLevelInput,
  ZTicketFieldInput,
} from '../../../shared/contracts/helpdesk-staff.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { listCannedResponses } from './canned.service.js';
import { assertDepartment } from './desk-actions.service.js';
import { ensureHelpdeskDefaults } from './helpdesk-defaults.js';
import {
  certificates,
  departments,
  supportLevels,
  ticketFields,
  tickets,
} from './helpdesk.schema.js';

const presentDepartment = (row: typeof departments.$inferSelect): Department => ({
  id: row.id,
  nameRu: row.nameRu,
  nameEn: row.nameEn,
  isGeneral: row.isGeneral,
  reopenWindowDays: row.reopenWindowDays,
  sortOrder: row.sortOrder,
});

const presentLevel = (row: typeof supportLevels.$inferSelect): SupportLevel => ({
  id: row.id,
  code: row.code,
  nameRu: row.nameRu,
  nameEn: row.nameEn,
  priority: row.priority,
  departmentId: row.departmentId,
  firstResponseMinutes: row.firstResponseMinutes,
  resolutionMinutes: row.resolutionMinutes,
});

const presentField = (row: typeof ticketFields.$inferSelect): TicketField => ({
  id: row.id,
  key: row.key,
  labelRu: row.labelRu,
  labelEn: row.labelEn,
  kind: row.kind === 'select' ? 'select' : 'text',
  options: row.options,
  required: row.required,
  active: row.active,
  sortOrder: row.sortOrder,
});

/** Departments, support levels, ticket fields and canned responses of the organization. */
export async function getHelpdeskSettings(
  ctx: AppContext,
  organizationId: string,
): Promise<HelpdeskSettings> {
  await ensureHelpdeskDefaults(ctx.db, organizationId);
  const [departmentRows, levelRows, fieldRows, canned] = await Promise.all([
    ctx.db
      .select()
      .from(departments)
      .where(eq(departments.organizationId, organizationId))
      .orderBy(asc(departments.sortOrder), asc(departments.nameRu)),
    ctx.db
      .select()
      .from(supportLevels)
      .where(eq(supportLevels.organizationId, organizationId))
      .orderBy(asc(supportLevels.createdAt), asc(supportLevels.code)),
    ctx.db
      .select()
      .from(ticketFields)
      .where(eq(ticketFields.organizationId, organizationId))
      .orderBy(asc(ticketFields.sortOrder), asc(ticketFields.key)),
    listCannedResponses(ctx.db, organizationId),
  ]);
  return {
    departments: departmentRows.map(presentDepartment),
    supportLevels: levelRows.map(presentLevel),
    ticketFields: fieldRows.map(presentField),
    cannedResponses: canned,
  };
}

// ---- Departments

export async function saveDepartment(
  ctx: AppContext,
  organizationId: string,
  id: string | null,
  raw: DepartmentInput,
) {
  const input = ZDepartmentInput.parse(raw);
  const [row] = id
    ? await ctx.db
        .update(departments)
        .set(input)
        .where(and(eq(departments.organizationId, organizationId), eq(departments.id, id)))
        .returning()
    : await ctx.db
        .insert(departments)
        .values({ organizationId, ...input })
        .returning();
  if (!row) throw new AppError('not_found');
  return presentDepartment(row);
}

/** 409 `department_in_use` for the general department or one with tickets. */
export async function deleteDepartment(ctx: AppContext, organizationId: string, id: string) {
  const [row] = await ctx.db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, id)));
  if (!row) throw new AppError('not_found');
  const [used] = await ctx.db
    .select({ value: count() })
    .from(tickets)
    .where(eq(tickets.departmentId, id));
  if (row.isGeneral || (used?.value ?? 0) > 0) throw new AppError('department_in_use');
  await ctx.db.delete(departments).where(eq(departments.id, id));
}

// ---- Support levels

const isUniqueViolation = (error: unknown) => {
  const cause = error as { cause?: { code?: string }; code?: string } | null;
  return cause?.code === '23505' || cause?.cause?.code === '23505';
};

export async function saveSupportLevel(
  ctx: AppContext,
  organizationId: string,
  id: string | null,
  raw: SupportLevelInput,
) {
  const input = ZSupportLevelInput.parse(raw);
  if (input.departmentId) await assertDepartment(ctx.db, organizationId, input.departmentId);
  const values = { ...input, code: input.code.toLowerCase() };
  try {
    const [row] = id
      ? await ctx.db
          .update(supportLevels)
          .set(values)
          .where(and(eq(supportLevels.organizationId, organizationId), eq(supportLevels.id, id)))
          .returning()
      : await ctx.db
          .insert(supportLevels)
          .values({ organizationId, ...values })
          .returning();
    if (!row) throw new AppError('not_found');
    return presentLevel(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('support_level_code_taken');
    throw error;
  }
}

/** 409 `support_level_in_use` while certificates name the level. */
export async function deleteSupportLevel(ctx: AppContext, organizationId: string, id: string) {
  const [used] = await ctx.db
    .select({ value: count() })
    .from(certificates)
    .where(eq(certificates.supportLevelId, id));
  if ((used?.value ?? 0) > 0) throw new AppError('support_level_in_use');
  const [row] = await ctx.db
    .delete(supportLevels)
    .where(and(eq(supportLevels.organizationId, organizationId), eq(supportLevels.id, id)))
    .returning({ id: supportLevels.id });
  if (!row) throw new AppError('not_found');
}

// ---- Ticket fields

export async function saveTicketField(
  ctx: AppContext,
  organizationId: string,
  id: string | null,
  raw: TicketFieldInput,
) {
  const input = ZTicketFieldInput.parse(raw);
  const values = { ...input, options: input.kind === 'select' ? input.options : [] };
  try {
    const [row] = id
      ? await ctx.db
          .update(ticketFields)
          .set(values)
          .where(and(eq(ticketFields.organizationId, organizationId), eq(ticketFields.id, id)))
          .returning()
      : await ctx.db
          .insert(ticketFields)
          .values({ organizationId, ...values })
          .returning();
    if (!row) throw new AppError('not_found');
    return presentField(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ticket_field_key_taken');
    throw error;
  }
}

/** Removes a field from the form; tickets keep their stored values under its key. */
export async function deleteTicketField(ctx: AppContext, organizationId: string, id: string) {
  const [row] = await ctx.db
    .delete(ticketFields)
    .where(and(eq(ticketFields.organizationId, organizationId), eq(ticketFields.id, id)))
    .returning({ id: ticketFields.id });
  if (!row) throw new AppError('not_found');
}
