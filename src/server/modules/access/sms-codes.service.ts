import { createHmac, randomInt } from 'node:crypto';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { enqueueSms } from '../notify/sms/index.js';
import {
  countSmsCodesSince,
  insertSmsCode,
  spendSmsCodes,
  takeSmsCodeTry,
  type SmsCodeRow,
} from './password-reset.repo.js';

/** The issue: a 6-digit code valid 10 minutes, at most 5 tries. */
export const SMS_CODE_TTL_MINUTES = 10;
export const SMS_CODE_MAX_TRIES = 5;
// Per phone and purpose: at most 3 codes an hour, one a minute — an SMS costs money and
// a flood of codes to someone's phone is harassment.
const SMS_CODES_PER_HOUR = 3;
const SMS_CODE_GAP_MS = 60_000;

/**
 * What a code is for; each purpose has its own SMS text and its own limits. `recovery_confirm`
 * confirms the new phone of an account-recovery request and belongs to no account.
 */
export type SmsCodePurpose = 'password_reset' | 'phone_change' | 'recovery_confirm';

const TEMPLATE = {
  password_reset: 'password_reset_code',
  phone_change: 'phone_change_code',
  recovery_confirm: 'recovery_confirm_code',
} as const;

/**
 * Only a keyed hash of a code is stored: a plain SHA-256 of six digits is reversed by trying
 * all million of them. Bound to the phone and purpose, so a code is useless anywhere else.
 */
function hashSmsCode(ctx: AppContext, phone: string, purpose: SmsCodePurpose, code: string) {
  return createHmac('sha256', ctx.secrets.cookieSecret)
    .update(`sms-code\0${purpose}\0${phone}\0${code}`)
    .digest('hex');
}

/** Options of `issueSmsCode`. */
export interface IssueSmsCodeOptions {
  organizationId: string;
  /** The account the code acts on; null when it proves only that a phone is the person's. */
  userId: string | null;
  /** E.164. */
  phone: string;
  purpose: SmsCodePurpose;
  locale: Locale;
  now: Date;
}

/**
 * Writes a new code and its SMS in `tx` (older codes of the phone and purpose stop working), or
 * nothing when the phone had too many codes lately; then `retryAfterSeconds` says how long to wait.
 */
export async function issueSmsCode(
  ctx: AppContext,
  tx: DbOrTx,
  options: IssueSmsCodeOptions,
): Promise<{ sent: true } | { sent: false; retryAfterSeconds: number }> {
  const { organizationId, phone, purpose, now } = options;
  const hourAgo = new Date(now.getTime() - 3600_000);
  const recent = await countSmsCodesSince(tx, organizationId, phone, purpose, hourAgo);
  if (recent.latest && now.getTime() - recent.latest.getTime() < SMS_CODE_GAP_MS) {
    const wait = SMS_CODE_GAP_MS - (now.getTime() - recent.latest.getTime());
    return { sent: false, retryAfterSeconds: Math.ceil(wait / 1000) };
  }
  if (recent.count >= SMS_CODES_PER_HOUR) return { sent: false, retryAfterSeconds: 3600 };
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await spendSmsCodes(tx, organizationId, phone, purpose, now);
  await insertSmsCode(tx, {
    organizationId,
    phone,
    purpose,
    userId: options.userId,
    codeHash: hashSmsCode(ctx, phone, purpose, code),
    expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MINUTES * 60_000),
    createdAt: now,
  });
  await enqueueSms(ctx, tx, {
    organizationId,
    to: phone,
    locale: options.locale,
    template: TEMPLATE[purpose],
    data: { code, minutes: SMS_CODE_TTL_MINUTES },
  });
  return { sent: true };
}

/** Options of `verifySmsCode` and `checkSmsCode`. */
export interface CheckSmsCodeOptions {
  organizationId: string;
  /** E.164. */
  phone: string;
  purpose: SmsCodePurpose;
  code: string;
  now: Date;
}

/**
 * Spends one try of the phone's newest code and returns the code row when `code` matches.
 * Throws 400 `code_invalid` for a wrong code and 410 `code_expired` when there is no live code
 * (expired, used, replaced, or its tries are spent). The caller then claims the row in its
 * transaction (`claimSmsCode`), so a code works once.
 */
export async function verifySmsCode(
  ctx: AppContext,
  options: CheckSmsCodeOptions,
): Promise<SmsCodeRow> {
  const { organizationId, phone, purpose, now } = options;
  const row = await takeSmsCodeTry(ctx.db, organizationId, phone, purpose, SMS_CODE_MAX_TRIES, now);
  if (!row) throw new AppError('code_expired');
  if (row.codeHash !== hashSmsCode(ctx, phone, purpose, options.code)) {
    throw new AppError('code_invalid', {
      triesLeft: Math.max(0, SMS_CODE_MAX_TRIES - row.attempts),
    });
  }
  return row;
}

/** `verifySmsCode` for codes that act on an account: a code of no account is `code_expired`. */
export async function checkSmsCode(
  ctx: AppContext,
  options: CheckSmsCodeOptions,
): Promise<SmsCodeRow & { userId: string }> {
  const row = await verifySmsCode(ctx, options);
  if (!row.userId) throw new AppError('code_expired');
  return { ...row, userId: row.userId };
}
