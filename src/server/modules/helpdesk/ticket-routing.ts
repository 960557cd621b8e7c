import { and, asc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { TicketPriority } from '../../../shared/contracts/helpdesk-tickets.js';
import type { Locale } from '../../../shared/errors.js';
import type { DbOrTx } from '../../infra/db.js';
import { certificates, departments, supportLevels } from './helpdesk.schema.js';

/** Where a ticket goes and how urgent it is. */
export interface TicketRouting {
  certificateId: string | null;
  priority: TicketPriority;
  departmentId: string;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

/** Today's date (`YYYY-MM-DD`) in a time zone: certificates are valid by local calendar day. */
export const localDay = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

/** A ticket without a certificate: the minimum priority, the general queue, no SLA. */
export const withoutCertificate = (generalDepartmentId: string): TicketRouting => ({
  certificateId: null,
  priority: 'low',
  departmentId: generalDepartmentId,
  firstResponseMinutes: null,
  resolutionMinutes: null,
});

/** The person's certificates valid on `today`, with their level and department. */
export async function findValidCertificates(
  db: DbOrTx,
  options: { organizationId: string; userId: string; today: string; certificateId?: string },
) {
  return db
    .select({ certificate: certificates, level: supportLevels, department: departments })
    .from(certificates)
    .innerJoin(supportLevels, eq(supportLevels.id, certificates.supportLevelId))
    .leftJoin(departments, eq(departments.id, supportLevels.departmentId))
    .where(
      and(
        eq(certificates.organizationId, options.organizationId),
        eq(certificates.userId, options.userId),
        isNotNull(certificates.userId),
        lte(certificates.validFrom, options.today),
        gte(certificates.validTo, options.today),
        options.certificateId ? eq(certificates.id, options.certificateId) : undefined,
      ),
    )
    .orderBy(asc(certificates.validTo));
}

/**
 * Priority, department and SLA targets of a new ticket: from the certificate's support level
 * (its department, or the general one), or the no-certificate defaults. Null when the
 * certificate is not the person's or not valid today.
 */
export async function routeTicket(
  db: DbOrTx,
  options: {
    organizationId: string;
    userId: string;
    certificateId: string | null;
    today: string;
    generalDepartmentId: string;
  },
): Promise<TicketRouting | null> {
  if (!options.certificateId) return withoutCertificate(options.generalDepartmentId);
  const [found] = await findValidCertificates(db, {
    organizationId: options.organizationId,
    userId: options.userId,
    today: options.today,
    certificateId: options.certificateId,
  });
  if (!found) return null;
  return {
    certificateId: found.certificate.id,
    priority: found.level.priority,
    departmentId: found.department?.id ?? options.generalDepartmentId,
    firstResponseMinutes: found.level.firstResponseMinutes,
    resolutionMinutes: found.level.resolutionMinutes,
  };
}

/** A department's or level's name in the person's language. */
export const nameIn = (row: { nameRu: string; nameEn: string }, locale: Locale) =>
  locale === 'en' ? row.nameEn : row.nameRu;

const PRIORITY_LABELS: Record<TicketPriority, { ru: string; en: string }> = {
  low: { ru: 'низкий', en: 'low' },
  normal: { ru: 'обычный', en: 'normal' },
  high: { ru: 'высокий', en: 'high' },
  urgent: { ru: 'срочный', en: 'urgent' },
};

export const priorityLabel = (priority: TicketPriority, locale: Locale) =>
  PRIORITY_LABELS[priority][locale];
