import type { AccessSheet } from '../../../shared/contracts/staff-accounts.js';
import { formatPersonalCode } from '../../../shared/login.js';
import type { Locale } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { enqueueEmail } from '../notify/index.js';
import type { Organization } from '../orgs/index.js';
import { deleteUnusedActivationTokens, insertActivationToken } from './invitations.repo.js';
import { generateCode } from './personal-codes.js';
import type { Actor } from './staff-accounts.policy.js';
import { auditAs } from './staff-audit.service.js';
import { generateToken, hashToken } from './tokens.js';
import type { UserRow } from './users.repo.js';

// Code collisions are astronomically rare (25^8 codes); a few draws make them impossible in practice.
const CODE_DRAWS = 5;

/** When an activation link or code issued at `now` stops working (`ACTIVATION_TTL_DAYS`). */
const expiryFrom = (ctx: AppContext, now: Date) =>
  new Date(now.getTime() + ctx.config.activationTtlDays * 86_400_000);

/** A date for people, in the organization's time zone and the reader's language. */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** The login a person types: the personal code, else the email, else the phone. */
export const loginOf = (user: UserRow) =>
  user.personalCode ? formatPersonalCode(user.personalCode) : (user.email ?? user.phone ?? '');

/**
 * A fresh single-use activation link for `user` (older unused links stop working). The token is
 * returned once; only its hash is stored.
 */
export async function issueActivationLink(ctx: AppContext, tx: DbOrTx, user: UserRow, now: Date) {
  const linkToken = generateToken();
  const expiresAt = expiryFrom(ctx, now);
  await deleteUnusedActivationTokens(tx, user.id, 'link');
  await insertActivationToken(tx, {
    organizationId: user.organizationId,
    userId: user.id,
    tokenHash: hashToken(linkToken),
    kind: 'link',
    expiresAt,
  });
  return { link: `${ctx.config.publicUrl}/activate?token=${linkToken}`, expiresAt };
}

/** A fresh one-time activation code for a printed access sheet (older unused codes stop working). */
export async function issueAccessSheet(
  ctx: AppContext,
  tx: DbOrTx,
  user: UserRow,
  organization: Organization,
  now: Date,
): Promise<AccessSheet> {
  const expiresAt = expiryFrom(ctx, now);
  await deleteUnusedActivationTokens(tx, user.id, 'code');
  for (let draw = 0; draw < CODE_DRAWS; draw++) {
    const code = generateCode();
    const stored = await insertActivationToken(tx, {
      organizationId: user.organizationId,
      userId: user.id,
      tokenHash: hashToken(code),
      kind: 'code',
      expiresAt,
    });
    if (!stored) continue;
    return {
      organizationName: organization.name,
      displayName: user.displayName,
      login: loginOf(user),
      personalCode: user.personalCode ? formatPersonalCode(user.personalCode) : null,
      activationCode: formatPersonalCode(code),
      activationUrl: `${ctx.config.publicUrl}/activate`,
      expiresAt: expiresAt.toISOString(),
    };
  }
  throw new Error('could not draw a unique activation code');
}

/**
 * Writes the invitation email (with a fresh link) to the outbox and audits it, in `tx`.
 * Returns null when the account has no email.
 */
export async function sendInvitation(
  ctx: AppContext,
  tx: DbOrTx,
  options: {
    user: UserRow;
    organization: Organization;
    actor: Actor;
    now: Date;
  },
) {
  const { user, organization, now } = options;
  const { link, expiresAt } = await issueActivationLink(ctx, tx, user, now);
  if (!user.email) return { link, expiresAt, invitation: null };
  const locale: Locale = user.locale === 'en' ? 'en' : 'ru';
  const message = await enqueueEmail(ctx, tx, {
    organizationId: organization.id,
    to: { address: user.email, name: user.displayName },
    locale,
    template: 'invitation',
    data: {
      displayName: user.displayName,
      organizationName: organization.name,
      activationUrl: link,
      login: loginOf(user),
      expiresOn: formatDate(expiresAt, locale, organization.timezone),
    },
  });
  await auditAs(tx, options.actor, {
    organizationId: organization.id,
    subjectId: user.id,
    action: 'invitation.sent',
    details: { outboxId: message.id, to: user.email },
  });
  return {
    link,
    expiresAt,
    invitation: { outboxId: message.id, sentTo: user.email, expiresAt: expiresAt.toISOString() },
  };
}
