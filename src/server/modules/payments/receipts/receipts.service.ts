import type { SessionUser } from '../../../../shared/contracts/session.js';
import { AppError } from '../../../infra/app-error.js';
import type { DbOrTx } from '../../../infra/db.js';
import { findReceipt } from './receipt.repo.js';
import type { ReceiptView } from './receipt-format.js';

/** Staff who see every payment's receipt: those who handle money (as in billing). */
const MONEY_ROLES = new Set(['owner', 'admin', 'manager']);

/**
 * The receipt of a payment as `viewer` may see it: staff who handle money see any payment of
 * the organization; anyone else only their own (the payer, or the account a paid course opened).
 * Another person's payment answers `not_found`, revealing nothing; a payment that has not
 * succeeded answers `payment_receipt_unavailable`.
 */
export async function getReceipt(
  db: DbOrTx,
  organizationId: string,
  viewer: SessionUser,
  paymentId: string,
): Promise<ReceiptView> {
  const record = await findReceipt(db, organizationId, paymentId);
  const isMoneyStaff = viewer.staffRole !== null && MONEY_ROLES.has(viewer.staffRole);
  const isOwn =
    record !== null && (record.payerId === viewer.id || record.grantedUserId === viewer.id);
  if (!record || !(isMoneyStaff || isOwn)) throw new AppError('not_found');
  if (record.status !== 'succeeded') throw new AppError('payment_receipt_unavailable');
  return record.view;
}
