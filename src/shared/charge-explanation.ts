import type { Locale } from './errors.js';

/**
 * Turns a stored charging decision (`charges.reason` + `reason_params`, written by
 * billing/charging-rules.ts) into the one sentence the cabinet and the console show, e.g.
 * «Списано с абонемента №12 (8 занятий, до 31.12) — он заканчивается раньше других подходящих».
 * Shared by server and web, so both say exactly the same thing.
 */

/** A decision as stored: enough to explain it. */
export interface ExplainableCharge {
  outcome: 'subscription' | 'debt' | 'not_chargeable';
  reason: string;
  amountKopecks: number;
  reasonParams: Record<string, unknown>;
}

const NBSP = '\u00a0';

const NOT_CHARGEABLE: Record<string, { ru: string; en: string }> = {
  trial: { ru: 'Пробное занятие не списывается', en: 'A trial lesson is not charged' },
  free: { ru: 'Бесплатное занятие не списывается', en: 'A free lesson is not charged' },
  excused: {
    ru: 'Пропуск по уважительной причине не списывается',
    en: 'An absence with a good reason is not charged',
  },
  unexcused_free: {
    ru: 'Пропуск без уважительной причины в этой группе не списывается',
    en: 'In this group an absence without a good reason is not charged',
  },
  one_time_fee: {
    ru: 'Курс оплачивается целиком: занятия не списываются',
    en: 'The course is paid as a whole: lessons are not charged',
  },
  lesson_cancelled: {
    ru: 'Занятие отменено: оно не списывается',
    en: 'The lesson was cancelled: it is not charged',
  },
};

const WHY_CHOSEN: Record<string, { ru: string; en: string }> = {
  only_eligible: { ru: 'другого подходящего нет', en: 'no other subscription fits' },
  earliest_end: {
    ru: 'он заканчивается раньше других подходящих',
    en: 'it ends earlier than the other eligible ones',
  },
  earliest_begin: {
    ru: 'при том же сроке окончания он начался раньше',
    en: 'with the same end date, it began earlier',
  },
  lowest_number: {
    ru: 'при тех же сроках у него меньший номер',
    en: 'with the same dates, it has the lowest number',
  },
};

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

const ruPlural = new Intl.PluralRules('ru');

/** «1 занятие», «3 занятия», «8 занятий». */
export function lessonsText(count: number, locale: Locale): string {
  if (locale === 'en') return `${String(count)} ${count === 1 ? 'lesson' : 'lessons'}`;
  const form = ruPlural.select(count);
  const word = form === 'one' ? 'занятие' : form === 'few' ? 'занятия' : 'занятий';
  return `${String(count)}${NBSP}${word}`;
}

/** `2026-12-31` as «31.12» («31.12.2027» when it is not the lesson's year), or "Dec 31". */
function endDateText(endsOn: string, lessonDate: string | undefined, locale: Locale): string {
  const [year, month, day] = endsOn.split('-');
  if (!year || !month || !day) return endsOn;
  const sameYear = lessonDate?.slice(0, 4) === year;
  if (locale === 'en') {
    const text = `${EN_MONTHS[Number(month) - 1] ?? month} ${String(Number(day))}`;
    return sameYear ? text : `${text}, ${year}`;
  }
  return sameYear ? `${day}.${month}` : `${day}.${month}.${year}`;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function absencePrefix(status: string | undefined, locale: Locale): string {
  if (status === 'absent_unexcused') {
    return locale === 'ru'
      ? 'Пропуск без уважительной причины: '
      : 'Absent without a good reason: ';
  }
  if (status === 'absent_excused') {
    return locale === 'ru' ? 'Пропуск по уважительной причине: ' : 'Absent with a good reason: ';
  }
  return '';
}

function explainSubscription(charge: ExplainableCharge, locale: Locale): string {
  const p = charge.reasonParams;
  const number = num(p.subscriptionNumber);
  const total = num(p.lessonsTotal);
  const endsOn = str(p.endsOn);
  const status = str(p.status);
  const percent = num(p.percent);
  const terms = [
    total === undefined
      ? locale === 'ru'
        ? 'безлимитный'
        : 'unlimited'
      : lessonsText(total, locale),
    ...(endsOn
      ? [`${locale === 'ru' ? 'до' : 'until'} ${endDateText(endsOn, str(p.lessonDate), locale)}`]
      : []),
  ].join(', ');
  const no = String(number ?? '?');
  // Russian needs the genitive after «с» and the dative after «по».
  const name =
    locale === 'ru' ? `абонемента №${no} (${terms})` : `subscription No. ${no} (${terms})`;
  const nameDative = locale === 'ru' ? `абонементу №${no} (${terms})` : name;
  const why = WHY_CHOSEN[charge.reason]?.[locale];
  const tail = why ? ` — ${why}` : '';
  const prefix = absencePrefix(status, locale);
  let action: string;
  if (total === undefined) {
    action = locale === 'ru' ? `засчитано по ${nameDative}` : `counted on ${name}`;
  } else if (status === 'absent_excused' && percent !== undefined && percent < 100) {
    action =
      locale === 'ru'
        ? `списано ${String(percent)}${NBSP}% занятия с ${name}`
        : `${String(percent)}% of a lesson charged to ${name}`;
  } else {
    action = locale === 'ru' ? `списано с ${name}` : `charged to ${name}`;
  }
  return capitalize(`${prefix}${action}${tail}`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The one sentence explaining a charging decision, in the reader's language. */
export function explainCharge(charge: ExplainableCharge, locale: Locale): string {
  if (charge.outcome === 'subscription') return explainSubscription(charge, locale);
  if (charge.outcome === 'debt') {
    const debt =
      locale === 'ru'
        ? 'нет подходящего абонемента: занятие в долг'
        : 'no eligible subscription: the lesson is owed';
    const status = str(charge.reasonParams.status);
    const absence = absencePrefix(status, locale);
    return absence ? `${absence.replace(/: $/, ' — ')}${debt}` : capitalize(debt);
  }
  const known = NOT_CHARGEABLE[charge.reason];
  if (known) return known[locale];
  return locale === 'ru' ? 'Занятие не списывается' : 'The lesson is not charged';
}
