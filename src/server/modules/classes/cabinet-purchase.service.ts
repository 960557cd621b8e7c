import type {
  BuyFromBalanceRequest,
  BuyFromBalanceResponse,
} from '../../../shared/contracts/cabinet.js';
import { AppError } from '../../infra/app-error.js';
import type { Db } from '../../infra/db.js';
import { sellSubscription } from '../billing/index.js';
import { localDay } from '../calendar/index.js';
import { listOffers, listSubscriptions, readBalance } from './cabinet.repo.js';
import {
  balanceSummary,
  toCabinetSubscription,
  type CabinetOrganization,
} from './cabinet.service.js';
import { requireVisibleStudent, type CabinetViewer } from './student-visibility.js';

/**
 * «Купить абонемент с баланса» in one step: the account buys, for a student it sees, a type
 * the centre sells for the student's groups, paid entirely from the free balance (billing's
 * sale with an allocation from the balance and no new money entry). The sale's id derives
 * from the idempotency key, so a double click or a retry buys once and answers the same.
 */
export async function buyFromBalance(
  db: Db,
  viewer: CabinetViewer,
  studentId: string,
  organization: CabinetOrganization,
  request: BuyFromBalanceRequest,
  now = new Date(),
): Promise<BuyFromBalanceResponse> {
  return db.transaction(async (tx) => {
    const student = await requireVisibleStudent(tx, viewer, studentId);
    const today = localDay(now, organization.timezone);
    // Only what the cabinet offers may be bought here: an archived type, another centre's or
    // one for groups the student does not attend is refused before money is touched.
    const [offer] = await listOffers(tx, organization.id, student.id, today, request.typeId);
    if (!offer) throw new AppError('cabinet_offer_unavailable');
    // sellSubscription locks the family's money, returns the first sale on a retry, and
    // refuses more than the free balance (`insufficient_free_balance`).
    const sold = await sellSubscription(tx, {
      organizationId: organization.id,
      studentId: student.id,
      typeId: offer.typeId,
      payment: { fromBalance: true },
      actorId: viewer.userId,
      idempotencyKey: `cabinet:${request.idempotencyKey}`,
      now,
    });
    const [subscription] = await listSubscriptions(tx, student, today, sold.id);
    if (!subscription) throw new Error('sold subscription not visible to its buyer');
    return {
      subscription: toCabinetSubscription(subscription),
      balance: balanceSummary(await readBalance(tx, student.id)),
    };
  });
}
