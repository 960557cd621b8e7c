import { and, count, eq } from 'drizzle-orm';
import type { SessionUser } from '../../../shared/contracts/session.js';
import type { AppContext } from '../../infra/context.js';
import { findAccountIdByEmail } from '../access/index.js';
import { localDay } from '../calendar/index.js';
import { findOrganizationById } from '../orgs/index.js';
import { importCertificates } from './certificate-import.service.js';
import { registerCertificate } from './certificate-register.service.js';
import { tickets } from './helpdesk.schema.js';
import { createTicket } from './ticket-create.js';
import { addStaffMessage, changeTicketStatus } from './tickets.service.js';

const DAY = 86_400_000;

/** The unregistered demo certificate people can try the registration wizard with. */
export const DEMO_FREE_CERTIFICATE = { serial: 'KAB-2026-0004', activationCode: 'DEMO-4444-FREE' };

interface DemoPeople {
  customer: { email: string; displayName: string };
  agent: { email: string; displayName: string };
}

/**
 * Demo help desk: certificates in every state (two registered to the demo customer, one expired,
 * one free to register) and the customer's tickets in several states, answered by the demo
 * administrator. Certificates are upserted by serial; tickets are created only when the
 * customer has none, so running `kabinet demo` twice changes nothing.
 */
export async function seedDemoHelpdesk(
  ctx: AppContext,
  organizationId: string,
  people: DemoPeople,
  now = new Date(),
) {
  const organization = await findOrganizationById(ctx.db, organizationId);
  if (!organization) throw new Error('demo organization not found');
  const day = (offset: number) =>
    localDay(new Date(now.getTime() + offset * DAY), organization.timezone);
  const csv = [
    'serial,product,level,valid_from,valid_to,activation_code,customer',
    `KAB-2026-0001,Кабинет Бухгалтерия,premium,${day(-200)},${day(165)},DEMO-1111-PREM,ООО «Ромашка»`,
    `KAB-2026-0002,Кабинет Склад,standard,${day(-345)},${day(20)},DEMO-2222-STND,ООО «Ромашка»`,
    `KAB-2025-0003,Кабинет Зарплата,basic,${day(-400)},${day(-35)},DEMO-3333-BASC,ООО «Ромашка»`,
    `${DEMO_FREE_CERTIFICATE.serial},Кабинет Бухгалтерия,standard,${day(-10)},${day(355)},${DEMO_FREE_CERTIFICATE.activationCode},ООО «Ромашка»`,
  ].join('\n');
  const imported = await importCertificates(ctx, organization, { id: null }, csv, 'ru');

  const customerId = await findAccountIdByEmail(ctx, organizationId, people.customer.email);
  const agentId = await findAccountIdByEmail(ctx, organizationId, people.agent.email);
  const registrant = { id: customerId, ip: null };
  const premium = await registerCertificate(ctx, organization, registrant, {
    serial: 'KAB-2026-0001',
    activationCode: 'DEMO-1111-PREM',
  });
  const standard = await registerCertificate(ctx, organization, registrant, {
    serial: 'KAB-2026-0002',
    activationCode: 'DEMO-2222-STND',
  });

  const [existing] = await ctx.db
    .select({ count: count() })
    .from(tickets)
    .where(and(eq(tickets.organizationId, organizationId), eq(tickets.customerId, customerId)));
  if ((existing?.count ?? 0) > 0) return { certificates: imported, tickets: 0 };

  const customer: SessionUser = {
    id: customerId,
    email: people.customer.email,
    displayName: people.customer.displayName,
    staffRole: null,
    locale: 'ru',
  };
  const agent = { id: agentId, displayName: people.agent.displayName };
  const file = (
    certificateId: string | null,
    type: 'question' | 'incident' | 'request',
    subject: string,
    description: string,
  ) =>
    createTicket(ctx, organization, customer, {
      certificateId,
      type,
      subject,
      description,
      fields: {},
      attachmentIds: [],
    });
  const staff = (
    ticketNumber: number,
    action: 'reply' | 'propose_solution' | 'request_info' | 'resolve',
    body: string,
  ) =>
    addStaffMessage(ctx, {
      organization,
      ticketNumber,
      author: agent,
      body,
      internal: false,
      action,
      attachmentIds: [],
    });

  const vat = await file(
    premium.certificate.id,
    'incident',
    'Не формируется отчёт по НДС за III квартал',
    'При формировании декларации программа пишет «Ошибка заполнения раздела 3» и останавливается.',
  );
  await staff(
    vat.number,
    'request_info',
    'Пришлите, пожалуйста, снимок экрана с ошибкой и номер версии программы (меню «Справка → О программе»).',
  );
  await file(
    null,
    'question',
    'Как добавить второго пользователя?',
    'Хотим, чтобы бухгалтер работал под своей учётной записью. Где это настраивается?',
  );
  const stock = await file(
    standard.certificate.id,
    'incident',
    'Ошибка при выгрузке остатков на склад',
    'После обновления выгрузка остатков завершается ошибкой 500.',
  );
  await staff(
    stock.number,
    'resolve',
    'Исправлено в версии 3.2.1 — обновите программу, пожалуйста.',
  );
  const reset = await file(
    null,
    'question',
    'Не приходит письмо для сброса пароля',
    'Нажимаю «Забыли пароль?», но письмо не приходит уже час.',
  );
  await staff(
    reset.number,
    'propose_solution',
    'Письмо попало в папку «Спам»: добавьте наш адрес в контакты и запросите ссылку ещё раз.',
  );
  await changeTicketStatus(ctx, {
    organization,
    ticketNumber: reset.number,
    actor: agent,
    to: 'closed',
  });
  return { certificates: imported, tickets: 4 };
}
