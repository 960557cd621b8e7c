import { parseArgs } from 'node:util';
import { BLOCK_REASON_CODES, type BlockReasonCode } from '../../shared/block-reasons.js';
import { ZOpenAccessRequest } from '../../shared/contracts/staff-accounts.js';
import { formatPersonalCode } from '../../shared/login.js';
import {
  findAccountIdByEmail,
  liftBlocksInForce,
  openAccess,
  setBlock,
} from '../modules/access/index.js';
import { findOrganizationById } from '../modules/orgs/index.js';
import type { CommandEnv, CommandResult } from './commands.js';

/** USAGE lines of the `accounts` commands (inserted into the CLI's USAGE). */
export const ACCOUNTS_USAGE = `  accounts open --email E [--phone P] [--name N] [--access-until DATE] [--granted-by payment|employer]
                [--session-limit N] [--personal-code] [--access-sheet] [--locale ru|en]
                                       open access and invite; prints the activation link (shown once)
  accounts block --email E --reason CODE [--until DATE] [--note TEXT]
                                       block an account (ends its sessions); CODE: ${BLOCK_REASON_CODES.join(', ')}
  accounts unblock --email E [--reason CODE]
                                       lift the account's blocks in force (of one reason, if given)
`;

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });
const fail = (output: string): CommandResult => ({ output, exitCode: 2 });
const OPERATOR = { kind: 'operator' } as const;

/** The UTC offset of `timeZone` at `date`, in minutes (`+180` for Moscow). */
function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A date typed by an operator: `YYYY-MM-DD` means the end of that day in the organization's
 * time zone (access "until 1 September" includes 1 September); anything else must be ISO.
 * Null when it is neither.
 */
export function parseCliDate(text: string, timeZone: string): Date | null {
  if (/^\d{4}-\d\d-\d\d$/.test(text)) {
    const endOfDayUtc = new Date(`${text}T23:59:59.999Z`);
    if (Number.isNaN(endOfDayUtc.getTime())) return null;
    return new Date(endOfDayUtc.getTime() - zoneOffsetMinutes(endOfDayUtc, timeZone) * 60_000);
  }
  const date = new Date(text);
  return /^\d{4}-\d\d-\d\dT/.test(text) && !Number.isNaN(date.getTime()) ? date : null;
}

const isReason = (value: string | undefined): value is BlockReasonCode =>
  BLOCK_REASON_CODES.includes(value as BlockReasonCode);

/** `kabinet accounts open|block|unblock …` in the default organization. */
export async function runAccountsCommand(
  env: CommandEnv,
  action: string | undefined,
  args: string[],
): Promise<CommandResult> {
  const organization = await findOrganizationById(env.ctx.db, env.defaultOrganizationId);
  if (!organization) return fail('No default organization.\n');
  const dateOf = (text: string | undefined) =>
    text === undefined ? undefined : parseCliDate(text, organization.timezone);

  if (action === 'open') {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        phone: { type: 'string' },
        name: { type: 'string' },
        'access-until': { type: 'string' },
        'granted-by': { type: 'string' },
        'session-limit': { type: 'string' },
        'personal-code': { type: 'boolean', default: false },
        'access-sheet': { type: 'boolean', default: false },
        locale: { type: 'string' },
      },
    });
    const until = dateOf(values['access-until']);
    if (until === null) return fail('--access-until must be a date (YYYY-MM-DD) or ISO time\n');
    const parsed = ZOpenAccessRequest.safeParse({
      displayName: values.name ?? values.email?.split('@')[0] ?? values.phone ?? '',
      email: values.email,
      phone: values.phone,
      generatePersonalCode: values['personal-code'],
      accessSheet: values['access-sheet'],
      accessValidUntil: until?.toISOString(),
      accessGrantedBy: values['granted-by'],
      sessionLimit: values['session-limit'] ? Number(values['session-limit']) : undefined,
      locale: values.locale,
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      return fail(`accounts open: ${problems.join('\n')}\n`);
    }
    const result = await openAccess(env.ctx, organization.id, parsed.data, OPERATOR);
    const { account, accessSheet, invitation } = result;
    const lines = [
      `${result.created ? 'Created' : 'Opened access for'} ${account.displayName} (${account.email ?? account.phone ?? account.id})`,
      ...(account.personalCode
        ? [`Personal code: ${formatPersonalCode(account.personalCode)}`]
        : []),
      ...(account.accessValidUntil ? [`Access until: ${account.accessValidUntil}`] : []),
      ...(invitation
        ? [`Invitation queued to ${invitation.sentTo} (outbox ${invitation.outboxId})`]
        : []),
      ...(accessSheet ? [`Access sheet activation code: ${accessSheet.activationCode}`] : []),
      result.activationLink
        ? `Activation link (shown once): ${result.activationLink}`
        : 'The person has a password already: no activation link.',
    ];
    return ok(lines.join('\n') + '\n');
  }

  if (action === 'block' || action === 'unblock') {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        reason: { type: 'string' },
        until: { type: 'string' },
        note: { type: 'string' },
      },
    });
    if (!values.email) return fail(`accounts ${action} needs --email\n`);
    if (values.reason !== undefined && !isReason(values.reason)) {
      return fail(`--reason must be one of: ${BLOCK_REASON_CODES.join(', ')}\n`);
    }
    const accountId = await findAccountIdByEmail(env.ctx, organization.id, values.email);
    if (action === 'unblock') {
      const lifted = await liftBlocksInForce(
        env.ctx,
        organization.id,
        accountId,
        values.reason ?? null,
        OPERATOR,
      );
      return ok(`Lifted ${lifted} block(s) of ${values.email}\n`);
    }
    if (!values.reason) return fail('accounts block needs --reason\n');
    const until = dateOf(values.until);
    if (until === null) return fail('--until must be a date (YYYY-MM-DD) or ISO time\n');
    const block = await setBlock(
      env.ctx,
      organization.id,
      accountId,
      {
        reason: values.reason,
        endsAt: until?.toISOString() ?? null,
        ...(values.note ? { note: values.note } : {}),
      },
      OPERATOR,
    );
    return ok(
      `Blocked ${values.email}: ${block.reason}${block.endsAt ? ` until ${block.endsAt}` : ''}\n`,
    );
  }

  return fail(`accounts: unknown action ${action ?? ''}\n\nUsage:\n${ACCOUNTS_USAGE}`);
}
