import { normalizeEmail } from '../../../shared/normalize.js';
import type { StaffRole } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { DbOrTx } from '../../infra/db.js';
import { hashPassword } from './passwords.js';
import { insertUser } from './users.repo.js';

/** Options of `createStaffUser`. */
export interface CreateStaffUserOptions {
  organizationId: string;
  email: string;
  displayName: string;
  /** Null creates a customer account (demo data and tests). */
  role: StaffRole | null;
  /** Set by the operator (CLI) or generated and shown once. */
  password: string;
  locale?: 'ru' | 'en';
}

/** Creates an account with a password (CLI `admin create`, demo data, tests); `email_taken` if it exists. */
export async function createStaffUser(db: DbOrTx, options: CreateStaffUserOptions) {
  const user = await insertUser(db, {
    organizationId: options.organizationId,
    email: normalizeEmail(options.email),
    displayName: options.displayName,
    staffRole: options.role,
    passwordHash: await hashPassword(options.password),
    locale: options.locale ?? 'ru',
    // An account created with a password has its access opened.
    accessOpenedAt: new Date(),
  });
  if (!user) throw new AppError('email_taken');
  return user;
}
