import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import type { Guards } from '../access/index.js';
import { billingJobs as moneyJobs } from './billing.jobs.js';
import { billingRoutes } from './billing.routes.js';

export {
  sellSubscription,
  type PaymentMethod,
  type SalePayment,
  type SellSubscriptionOptions,
} from './sales.service.js';
export {
  recordPayment,
  type PaymentTarget,
  type RecordPaymentOptions,
} from './payments.service.js';
export {
  payDebtLessons,
  quoteDebtLessons,
  type DebtLesson,
  type DebtQuote,
  type DebtSettlement,
  type PayDebtLessonsOptions,
} from './debt-payments.service.js';
export { refundMoney, type RefundOptions } from './refunds.service.js';
export { getEnrollmentFee } from './payments.service.js';
export { findSubscription } from './subscriptions.repo.js';
export { chargeEnrollmentFee, type ChargeEnrollmentFeeOptions } from './enrollment-fees.service.js';
export { freeBalanceOf } from './free-balance.js';
export { createSubscriptionType } from './subscription-types.service.js';
export {
  lockStudentsMoney,
  lockStudentsMoneyOfFamilies,
  type LockedStudent,
} from './ledger.repo.js';
export {
  chargeVisits,
  rechargeVisits,
  rechargeLessonVisits,
  rechargeSubscriptionScope,
  settleDebts,
  type ChargingResult,
  type RechargeReason,
} from './charging.service.js';
export type { SubscriptionRow } from './subscriptions.repo.js';

/** Jobs of billing (ending subscriptions). */
export const billingJobs: JobDefinition<AppContext>[] = [...moneyJobs];

/** Subscriptions, payments, refunds and the ledger (staff side); charging rules. */
export async function billingModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  await billingRoutes(app, ctx, guards);
}
