import { and, asc, eq } from 'drizzle-orm';
import {
  HELPDESK_ATTACHMENT_TYPES,
  TICKET_TYPES,
  type TicketFormResponse,
} from '../../../shared/contracts/helpdesk-tickets.js';
import type { SessionUser } from '../../../shared/contracts/session.js';
import type { AppContext } from '../../infra/context.js';
import type { Organization } from '../orgs/index.js';
import { ATTACHMENT_EXTENSIONS, sizeDetails } from './attachments.upload.js';
import { ensureHelpdeskDefaults } from './helpdesk-defaults.js';
import { localeOfUser } from './helpdesk-mails.js';
import { departments, ticketFields } from './helpdesk.schema.js';
import { findValidCertificates, localDay, nameIn } from './ticket-routing.js';

/**
 * What «Отправить обращение» needs: the person's certificates valid today (in the
 * organization's time zone) with what each means for the ticket, what «Без сертификата» means,
 * the departments, the organization's active fields, the types and the attachment limits.
 */
export async function getTicketForm(
  ctx: AppContext,
  organization: Organization,
  user: SessionUser,
  now = new Date(),
): Promise<TicketFormResponse> {
  const locale = localeOfUser(user);
  const general = await ensureHelpdeskDefaults(ctx.db, organization.id);
  const generalRef = { id: general.id, name: nameIn(general, locale) };
  const valid = await findValidCertificates(ctx.db, {
    organizationId: organization.id,
    userId: user.id,
    today: localDay(now, organization.timezone),
  });
  const allDepartments = await ctx.db
    .select()
    .from(departments)
    .where(eq(departments.organizationId, organization.id))
    .orderBy(asc(departments.sortOrder), asc(departments.nameRu));
  const fields = await ctx.db
    .select()
    .from(ticketFields)
    .where(and(eq(ticketFields.organizationId, organization.id), eq(ticketFields.active, true)))
    .orderBy(asc(ticketFields.sortOrder), asc(ticketFields.key));
  const { maxFileBytes, maxFiles } = ctx.config.helpdesk;
  return {
    certificates: valid.map(({ certificate, level, department }) => ({
      id: certificate.id,
      serial: certificate.serial,
      product: certificate.product,
      supportLevel: { code: level.code, name: nameIn(level, locale) },
      priority: level.priority,
      department: department ? { id: department.id, name: nameIn(department, locale) } : generalRef,
      validTo: certificate.validTo,
    })),
    withoutCertificate: { priority: 'low', department: generalRef },
    departments: allDepartments.map((row) => ({ id: row.id, name: nameIn(row, locale) })),
    fields: fields.map((field) => ({
      key: field.key,
      label: locale === 'en' ? field.labelEn : field.labelRu,
      kind: field.kind === 'select' ? 'select' : 'text',
      options: field.options,
      required: field.required,
    })),
    types: [...TICKET_TYPES],
    attachments: {
      maxFileBytes,
      maxFileMegabytes: sizeDetails(maxFileBytes).maxMegabytes,
      maxFiles,
      allowedTypes: [...HELPDESK_ATTACHMENT_TYPES],
      allowedExtensions: ATTACHMENT_EXTENSIONS,
    },
  };
}
