import type { TFunction } from 'i18next';
import type { MoneyEntry } from '../../../../shared/contracts/billing-history.js';
import { formatMoney } from '../../../../shared/money.js';
import { dateInOrganization } from '../../../components/date-input.js';
import { ORGANIZATION_TIME_ZONE } from '../../../components/format.js';
import { currentLocale } from '../../../i18n/index.js';

/** Kopecks as the person reads them: `1 000 ₽`, `1 000,50 ₽`. */
export function money(kopecks: number): string {
  return formatMoney(kopecks, currentLocale() === 'en' ? 'en' : 'ru');
}

/** A local calendar date (`YYYY-MM-DD`) as `31.12.2026` (or the English form). */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'short', timeZone: 'UTC' }).format(
    date,
  );
}

/** An instant as the organization's local date and time, e.g. `02.03.2026, 18:00`. */
export function formatLocalTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: ORGANIZATION_TIME_ZONE,
  }).format(new Date(iso));
}

/** Today in the organization's time zone, for date inputs. */
export function todayInOrganization(): string {
  return dateInOrganization(new Date().toISOString());
}

const REASONS = [
  'only_eligible',
  'earliest_end',
  'earliest_begin',
  'lowest_number',
  'remarked',
  'lesson_cancelled',
  'debt_settled',
  'subscription_changed',
  'lesson_moved',
  'lesson_restored',
  'students_merged',
] as const;

/** A charging reason code in words; unknown codes (added later) say nothing rather than a code. */
function reasonText(code: string | null | undefined, t: TFunction): string | null {
  const known = REASONS.find((reason) => reason === code);
  return known ? t(`billingConsole.reasons.${known}`) : null;
}

/**
 * One sentence explaining a ledger entry: what it was for (subscription, lesson, course), why
 * a visit charge chose its subscription, why a charge was undone, how money moved.
 */
export function describeEntry(entry: MoneyEntry, t: TFunction, ownerName?: string): string {
  const sub = entry.subscription;
  const visit = entry.visit;
  const lesson = visit
    ? { date: formatLocalTime(visit.lessonStartsAt), group: visit.groupName }
    : null;
  const reason = reasonText(entry.charge?.reason, t);
  const method = entry.paymentMethod
    ? t('billingConsole.entry.via', { method: t(`billingConsole.methods.${entry.paymentMethod}`) })
    : '';
  const parts: string[] = [];
  switch (entry.kind) {
    case 'payment_in':
      parts.push(
        sub
          ? t('billingConsole.entry.payment_in_subscription', {
              number: sub.number,
              name: sub.name,
            })
          : entry.enrollment
            ? t('billingConsole.entry.payment_in_fee', { group: entry.enrollment.groupName })
            : t('billingConsole.entry.payment_in'),
      );
      break;
    case 'visit_charge': {
      const values = { ...lesson, number: sub?.number, slot: entry.charge?.lessonNumber };
      parts.push(
        t(
          entry.charge?.lessonNumber
            ? 'billingConsole.entry.visit_charge_slot'
            : 'billingConsole.entry.visit_charge',
          values,
        ) +
          (visit && visit.studentName !== ownerName
            ? t('billingConsole.entry.visit_of_student', { student: visit.studentName })
            : ''),
      );
      if (reason) parts.push(reason);
      break;
    }
    case 'expiry_charge':
      parts.push(t('billingConsole.entry.expiry_charge', { number: sub?.number }));
      break;
    case 'fee_charge':
      parts.push(
        t('billingConsole.entry.fee_charge', { group: entry.enrollment?.groupName ?? '' }),
      );
      break;
    case 'charge_reversal': {
      parts.push(
        lesson
          ? t('billingConsole.entry.charge_reversal', lesson)
          : t('billingConsole.entry.charge_reversal_plain'),
      );
      const why = reasonText(entry.charge?.supersededReason, t);
      if (why) parts.push(why);
      break;
    }
    case 'refund':
      parts.push(
        sub
          ? t('billingConsole.entry.refund_subscription', { number: sub.number })
          : t('billingConsole.entry.refund'),
      );
      break;
    default:
      parts.push(t(`billingConsole.entry.${entry.kind}`));
  }
  if (method) parts.push(method);
  if (entry.comment) parts.push(entry.comment);
  return parts.join('; ');
}
