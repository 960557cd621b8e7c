import type { BlockReasonCode } from '../../../shared/block-reasons.js';
import type { StaffRole } from '../../../shared/contracts/session.js';
import { normalizePhone } from '../../../shared/login.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import type { AppContext } from '../../infra/context.js';
import { insertBlock } from './blocks.repo.js';
import { hashPassword } from './passwords.js';
import { findAccountsByContact, insertAccount, updateAccount } from './staff-accounts.repo.js';

/** An account in a given state, for demo data (`kabinet demo`) and tests. */
export interface DemoAccountSpec {
  displayName: string;
  email?: string;
  phone?: string;
  personalCode?: string;
  role?: StaffRole | null;
  /** Null: the account never activated (no password). */
  password: string | null;
  /** Null: access never opened (`access_not_opened`). */
  accessOpenedAt: Date | null;
  accessValidUntil?: Date | null;
  accessGrantedBy?: 'payment' | 'employer';
  sessionLimit?: number | null;
  blocks?: { reason: BlockReasonCode; endsAt: Date | null; note: string }[];
}

/**
 * Creates the account unless one with its email or phone exists. An existing account is left
 * as it is, except that access is opened when the spec has it opened and it never was (so
 * logins created before access had to be opened keep working). Returns whether it was created.
 */
export async function seedDemoAccount(
  ctx: AppContext,
  organizationId: string,
  spec: DemoAccountSpec,
): Promise<{ created: boolean; id: string }> {
  const email = spec.email ? normalizeEmail(spec.email) : null;
  const phone = spec.phone ? normalizePhone(spec.phone) : null;
  const passwordHash = spec.password ? await hashPassword(spec.password) : null;
  return ctx.db.transaction(async (tx) => {
    const [existing] = await findAccountsByContact(tx, organizationId, { email, phone });
    if (existing) {
      if (spec.accessOpenedAt && !existing.accessOpenedAt) {
        await updateAccount(tx, existing.id, { accessOpenedAt: spec.accessOpenedAt });
      }
      return { created: false, id: existing.id };
    }
    const user = await insertAccount(tx, {
      organizationId,
      displayName: spec.displayName,
      email,
      phone,
      personalCode: spec.personalCode ?? null,
      staffRole: spec.role ?? null,
      passwordHash,
      accessOpenedAt: spec.accessOpenedAt,
      accessValidUntil: spec.accessValidUntil ?? null,
      accessGrantedBy: spec.accessGrantedBy ?? 'payment',
      sessionLimit: spec.sessionLimit ?? null,
    });
    if (!user) throw new Error(`demo account ${email ?? phone ?? ''} collides with another`);
    for (const block of spec.blocks ?? []) {
      await insertBlock(tx, {
        organizationId,
        userId: user.id,
        reason: block.reason,
        endsAt: block.endsAt,
        note: block.note,
      });
    }
    return { created: true, id: user.id };
  });
}
