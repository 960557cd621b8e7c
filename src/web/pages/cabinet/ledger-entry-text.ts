import type { TFunction } from 'i18next';
import type { CabinetLedgerEntry } from '../../../shared/contracts/cabinet.js';
import { formatDateTime } from './cabinet-format.js';

/**
 * One ledger entry told in words: what moved the money and what it was for, so every figure
 * on the balance traces to a sentence («Оплата абонемента №12 «8 занятий» (наличными)»).
 */
export function describeLedgerEntry(
  entry: CabinetLedgerEntry,
  t: TFunction,
  language: string,
  timeZone: string,
): string {
  const sub = entry.subscription;
  const group = entry.groupName ?? '';
  const lesson = entry.lessonStartsAt
    ? t('cabinet.ledger.lesson', {
        date: formatDateTime(entry.lessonStartsAt, timeZone, language),
        group,
      })
    : t('cabinet.ledger.lessonUnknown');
  const method = entry.paymentMethod ? t(`cabinet.ledger.method.${entry.paymentMethod}`) : null;
  const withMethod = (text: string) => (method ? `${text} (${method})` : text);
  const withComment = (text: string) => (entry.comment ? `${text}: ${entry.comment}` : text);

  switch (entry.kind) {
    case 'payment_in':
      return withMethod(
        sub
          ? t('cabinet.ledger.paymentForSubscription', { number: sub.number, name: sub.name })
          : entry.groupName
            ? t('cabinet.ledger.paymentForCourse', { group })
            : t('cabinet.ledger.payment'),
      );
    case 'deposit':
      return withMethod(t('cabinet.ledger.deposit'));
    case 'visit_charge':
      return sub
        ? t('cabinet.ledger.visitCharge', { lesson, number: sub.number, name: sub.name })
        : t('cabinet.ledger.visitChargePlain', { lesson });
    case 'expiry_charge':
      return sub
        ? t('cabinet.ledger.expiry', { number: sub.number, name: sub.name })
        : t('cabinet.ledger.expiryPlain');
    case 'fee_charge':
      return t('cabinet.ledger.fee', { group });
    case 'charge_reversal':
      if (entry.reversesKind === 'fee_charge') return t('cabinet.ledger.reversalFee', { group });
      if (entry.reversesKind === 'expiry_charge' && sub) {
        return t('cabinet.ledger.reversalExpiry', { number: sub.number, name: sub.name });
      }
      return entry.lessonStartsAt
        ? t('cabinet.ledger.reversalLesson', { lesson })
        : t('cabinet.ledger.reversal');
    case 'refund':
      return withComment(withMethod(t('cabinet.ledger.refund')));
    case 'correction':
      return withComment(t('cabinet.ledger.correction'));
  }
}
