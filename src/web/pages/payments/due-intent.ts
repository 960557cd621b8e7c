import type { TFunction } from 'i18next';
import type { PaymentDue } from '../../../shared/contracts/cabinet.js';
import { describePaymentDue } from '../cabinet/payments-due-block.js';
import type { PaymentIntent } from './pay-dialog.js';

/**
 * The online payment of one line of «К оплате»: the rest of a subscription or of a course fee
 * (all of it or a part), or the student's lessons in debt. Null when the line cannot be paid
 * online: a debt in a group without a lesson price. `lines` are all of the student's lines: one
 * debt payment settles the priced lessons in debt of every group, as the server computes it.
 */
export function dueIntent(
  line: PaymentDue,
  lines: PaymentDue[],
  studentId: string,
  t: TFunction,
  language: string,
): PaymentIntent | null {
  if (line.dueKopecks === null || line.dueKopecks <= 0) return null;
  const title = t('payments.pay.dueTitle', {
    what: describePaymentDue(line, t, language).title,
  });
  switch (line.kind) {
    case 'subscription':
      return {
        title,
        target: { purpose: 'subscription_remaining', targetId: line.id, studentId },
        amount: { kind: 'partial', dueKopecks: line.dueKopecks },
      };
    case 'enrollment_fee':
      return {
        title,
        target: { purpose: 'course_fee', targetId: line.id, studentId },
        amount: { kind: 'partial', dueKopecks: line.dueKopecks },
      };
    case 'debt': {
      const debts = lines.filter((other) => other.kind === 'debt' && other.dueKopecks !== null);
      const total = debts.reduce((sum, other) => sum + (other.dueKopecks ?? 0), 0);
      return {
        title,
        target: { purpose: 'debt', targetId: studentId, studentId },
        amount: { kind: 'fixed', kopecks: total },
        note: debts.length > 1 ? t('payments.pay.debtNote') : undefined,
      };
    }
  }
}
