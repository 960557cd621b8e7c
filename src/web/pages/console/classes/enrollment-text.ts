import type { TFunction } from 'i18next';
import type { Enrollment } from '../../../../shared/contracts/classes.js';
import { formatDay, money } from './classes-format.js';

type EnrollmentTerms = Pick<
  Enrollment,
  'startsOn' | 'endsOn' | 'paymentMode' | 'feeKopecks' | 'feePaidKopecks' | 'debtLessons'
>;

/** «с 01.09.2026» or «01.09.2026 – 31.05.2027». */
export function enrollmentPeriod(enrollment: EnrollmentTerms, t: TFunction, language: string) {
  const from = formatDay(enrollment.startsOn, language);
  return enrollment.endsOn
    ? t('classesConsole.enrollments.fromTo', { from, to: formatDay(enrollment.endsOn, language) })
    : t('classesConsole.enrollments.since', { from });
}

/**
 * What the enrolment owes: a one-time fee paid so far, or the lessons in debt; `otherwise` when
 * a per-lesson enrolment owes nothing.
 */
export function enrollmentPayment(
  enrollment: EnrollmentTerms,
  t: TFunction,
  language: string,
  otherwise: string,
) {
  if (enrollment.paymentMode === 'one_time_fee')
    return t('classesConsole.enrollments.feePaid', {
      paid: money(enrollment.feePaidKopecks, language),
      fee: money(enrollment.feeKopecks ?? 0, language),
    });
  return enrollment.debtLessons > 0
    ? t('classesConsole.student.debtLessons', { count: enrollment.debtLessons })
    : otherwise;
}
