import type { StaffRole } from '../../shared/contracts/session.js';
import { formatPersonalCode } from '../../shared/login.js';
import type { AppContext } from '../infra/context.js';
import { openAccess, seedDemoAccount, type DemoAccountSpec } from '../modules/access/index.js';
import { seedDemoClasses } from '../modules/classes/index.js';
import { DEMO_FREE_CERTIFICATE, seedDemoHelpdesk } from '../modules/helpdesk/index.js';
import { seedDemoKnowledgeBase } from '../modules/kb/index.js';

/** The documented demo logins (README); later modules add their own demo data here. */
export const DEMO_PEOPLE: { email: string; name: string; role: StaffRole | null }[] = [
  { email: 'admin@example.com', name: 'Анна Сергеевна Кузнецова', role: 'admin' },
  { email: 'teacher@example.com', name: 'Игорь Валентинович Смирнов', role: 'teacher' },
  { email: 'parent@example.com', name: 'Мария Павловна Иванова', role: null },
  { email: 'customer@example.com', name: 'Дмитрий Олегович Соколов', role: null },
];

/** The personal code of the demo account that has only a phone and a code. */
export const DEMO_PERSONAL_CODE = 'DEMA7946';
export const DEMO_PHONE = '+79000000001';

const DAY = 86_400_000;

/** Demo accounts in every access state; `state` is what the demo table prints. */
export function demoAccessAccounts(now: Date): (DemoAccountSpec & { state: string })[] {
  const opened = new Date(now.getTime() - 60 * DAY);
  const person = (email: string, displayName: string, state: string) => ({
    email,
    displayName,
    state,
    password: null as string | null,
    accessOpenedAt: opened as Date | null,
  });
  const blocked = (
    email: string,
    displayName: string,
    reason: NonNullable<DemoAccountSpec['blocks']>[number]['reason'],
    endsAt: Date | null = null,
  ) => ({
    ...person(email, displayName, `blocked: ${reason}`),
    blocks: [{ reason, endsAt, note: 'Демо-данные' }],
  });
  return [
    // Access periods are dates: these two are closed by `access_valid_until`, not by a block row.
    {
      ...person(
        'blocked.period@example.com',
        'Ольга Николаевна Петрова',
        'blocked: access_period_ended',
      ),
      accessValidUntil: new Date(now.getTime() - DAY),
    },
    {
      ...person(
        'blocked.employer@example.com',
        'Сергей Андреевич Волков',
        'blocked: employer_access_ended',
      ),
      accessValidUntil: new Date(now.getTime() - DAY),
      accessGrantedBy: 'employer' as const,
    },
    blocked(
      'blocked.attempts@example.com',
      'Павел Игоревич Морозов',
      'too_many_failed_attempts',
      new Date(now.getTime() + DAY),
    ),
    blocked('blocked.inactive@example.com', 'Наталья Викторовна Лебедева', 'inactive_too_long'),
    blocked('blocked.suspicious@example.com', 'Алексей Романович Новиков', 'suspicious_activity'),
    blocked('blocked.policy@example.com', 'Екатерина Юрьевна Козлова', 'policy_violation'),
    blocked('blocked.staff@example.com', 'Виктор Петрович Соловьёв', 'staff_decision'),
    {
      ...person(
        'blocked.not-opened@example.com',
        'Ирина Александровна Фёдорова',
        'blocked: access_not_opened',
      ),
      accessOpenedAt: null,
    },
    {
      ...person('ending.soon@example.com', 'Андрей Михайлович Зайцев', 'access ends in 3 days'),
      accessValidUntil: new Date(now.getTime() + 3 * DAY),
    },
    {
      ...person(
        'access.ended@example.com',
        'Татьяна Сергеевна Павлова',
        'access ended 30 days ago',
      ),
      accessValidUntil: new Date(now.getTime() - 30 * DAY),
    },
    {
      ...person('single.device@example.com', 'Михаил Алексеевич Семёнов', 'session limit 1'),
      sessionLimit: 1,
    },
  ];
}

/**
 * Fills an organization with demo data: the documented logins, and accounts in every access
 * state. People who already exist are left as they are. Returns the table to print.
 */
export async function loadDemoData(
  ctx: AppContext,
  organizationId: string,
  password: string,
  now = new Date(),
) {
  const rows: [string, string, string][] = [];
  const add = (login: string, created: boolean, state: string) =>
    rows.push([login, created ? 'created' : 'exists', state]);

  for (const person of DEMO_PEOPLE) {
    const result = await seedDemoAccount(ctx, organizationId, {
      email: person.email,
      displayName: person.name,
      role: person.role,
      password,
      accessOpenedAt: now,
    });
    add(person.email, result.created, person.role ?? 'customer, active');
  }
  for (const { state, ...spec } of demoAccessAccounts(now)) {
    const result = await seedDemoAccount(ctx, organizationId, { ...spec, password });
    add(spec.email ?? '', result.created, state);
  }
  const byCode = await seedDemoAccount(ctx, organizationId, {
    displayName: 'Артём Денисович Кравцов',
    phone: DEMO_PHONE,
    personalCode: DEMO_PERSONAL_CODE,
    password,
    accessOpenedAt: now,
  });
  add(
    formatPersonalCode(DEMO_PERSONAL_CODE),
    byCode.created,
    `personal code and phone ${DEMO_PHONE} only`,
  );

  // Invited, not activated: opened through the staff flow, so it has a real invitation.
  const invited = await seedDemoAccount(ctx, organizationId, {
    email: 'invited.pending@example.com',
    displayName: 'Юлия Олеговна Белова',
    password: null,
    accessOpenedAt: null,
  });
  let link = '';
  if (invited.created) {
    const opened = await openAccess(
      ctx,
      organizationId,
      {
        displayName: 'Юлия Олеговна Белова',
        email: 'invited.pending@example.com',
        generatePersonalCode: false,
        accessSheet: false,
      },
      { kind: 'operator' },
      now,
    );
    link = opened.activationLink ?? '';
  }
  add('invited.pending@example.com', invited.created, 'invited, no password yet');

  const kb = await seedDemoKnowledgeBase(ctx, organizationId);
  const [admin, , , customer] = DEMO_PEOPLE;
  const helpdesk =
    admin && customer
      ? await seedDemoHelpdesk(
          ctx,
          organizationId,
          {
            customer: { email: customer.email, displayName: customer.name },
            agent: { email: admin.email, displayName: admin.name },
          },
          now,
        )
      : null;

  const [, teacher, parent] = DEMO_PEOPLE;
  const classes =
    admin && teacher && parent
      ? await seedDemoClasses(
          ctx,
          organizationId,
          {
            parent: { email: parent.email },
            teacher: { email: teacher.email, displayName: teacher.name },
            admin: { email: admin.email },
          },
          now,
        )
      : null;

  const width = Math.max(...rows.map(([login]) => login.length));
  const table = rows.map(
    ([login, status, state]) => `${status.padEnd(8)} ${login.padEnd(width)}  ${state}`,
  );
  const footer = [
    '',
    'Every login above signs in with the demo password, except invited.pending@example.com.',
    `Knowledge base (/kb): ${kb.articles} demo articles added in ${kb.categories} categories.`,
    ...(helpdesk
      ? [
          `Help desk: customer@example.com has 2 registered certificates${helpdesk.tickets ? ` and ${String(helpdesk.tickets)} new tickets` : ''};`,
          `  register one more in /certificates: serial ${DEMO_FREE_CERTIFICATE.serial}, activation code ${DEMO_FREE_CERTIFICATE.activationCode}.`,
        ]
      : []),
    ...(classes && parent && teacher
      ? [
          `Classes: ${parent.email} sees two children —`,
          ...classes.children.map((child) => `  ${child.name}: ${child.situation};`),
          `  ${teacher.email} marks their groups in /console/attendance.`,
        ]
      : []),
    ...(link ? [`Activation link of invited.pending@example.com (shown once): ${link}`] : []),
  ];
  return [...table, ...footer].join('\n') + '\n';
}
