import type {
  CabinetLesson,
  CabinetSubscription,
  DashboardResponse,
  LessonsQuery,
  LessonsResponse,
  MyStudentsResponse,
  SubscriptionOffersResponse,
  SubscriptionsResponse,
} from '../../../shared/contracts/cabinet.js';
import { AppError } from '../../infra/app-error.js';
import type { DbOrTx } from '../../infra/db.js';
import { localDay } from '../calendar/index.js';
import { readDashboard, type DashboardRow } from './cabinet-dashboard.repo.js';
import {
  listMyStudents,
  listOffers,
  listSubscriptions,
  readBalance,
  readLessons,
  type Instant,
  type SubscriptionRow,
} from './cabinet.repo.js';
import { requireVisibleStudent, type CabinetViewer } from './student-visibility.js';

/** The organization facts every cabinet read needs. */
export interface CabinetOrganization {
  id: string;
  /** IANA time zone; lesson dates and "today" are local to it. */
  timezone: string;
}

/** An instant as ISO 8601 UTC, whichever form the driver or JSON gave it in. */
export function isoInstant(value: Instant): string {
  return new Date(value).toISOString();
}

/** The money summary with its free part (balance minus what open subscriptions hold). */
export function balanceSummary(row: {
  balanceKopecks: number;
  reservedKopecks: number;
  debtLessons: number;
}) {
  return {
    balanceKopecks: row.balanceKopecks,
    reservedKopecks: row.reservedKopecks,
    freeKopecks: row.balanceKopecks - row.reservedKopecks,
    debtLessons: row.debtLessons,
  };
}

function toLesson(raw: Record<string, unknown>): CabinetLesson {
  const lesson = raw as unknown as CabinetLesson;
  return {
    ...lesson,
    startsAt: isoInstant(lesson.startsAt),
    endsAt: isoInstant(lesson.endsAt),
    movedFrom: lesson.movedFrom ? isoInstant(lesson.movedFrom) : null,
  };
}

/** A subscription row as the cabinet shows it, with lessons left. */
export function toCabinetSubscription(row: SubscriptionRow): CabinetSubscription {
  return {
    ...row,
    lessonsLeft: row.lessonsTotal === null ? null : Math.max(0, row.lessonsTotal - row.lessonsUsed),
  };
}

/** `GET /api/me/students`: every student the account may see, with their money at a glance. */
export async function getMyStudents(
  db: DbOrTx,
  viewer: CabinetViewer,
  organization: CabinetOrganization,
): Promise<MyStudentsResponse> {
  const rows = await listMyStudents(db, viewer);
  return {
    timeZone: organization.timezone,
    students: rows.map((row) => ({
      id: row.id,
      fullName: row.fullName,
      relation: row.relation,
      family: row.familyId && row.familyName ? { id: row.familyId, name: row.familyName } : null,
      balance: balanceSummary(row),
    })),
  };
}

/** `GET /api/students/{id}/dashboard`: one statement; not visible → `not_found`. */
export async function getDashboard(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  now = new Date(),
): Promise<DashboardResponse> {
  return (await readDashboardView(db, viewer, studentId, now)).dashboard;
}

/** The dashboard and whose changes can change it (for dashboard-cache.ts). */
export async function readDashboardView(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  now: Date,
): Promise<{ dashboard: DashboardResponse; dependsOn: DashboardRow['dependsOn'] }> {
  const row = await readDashboard(db, viewer, studentId, now);
  if (!row) throw new AppError('not_found');
  const { dependsOn, ...rest } = row;
  const dashboard = {
    ...rest,
    student: {
      ...row.student,
      firstVisitAt: row.student.firstVisitAt ? isoInstant(row.student.firstVisitAt) : null,
    },
    upcomingLessons: row.upcomingLessons.map(toLesson),
    endingSubscriptions: row.endingSubscriptions as DashboardResponse['endingSubscriptions'],
    paymentsDue: row.paymentsDue as DashboardResponse['paymentsDue'],
  };
  return { dashboard, dependsOn };
}

/** `GET /api/students/{id}/lessons`: the schedule of local days `from`…`to`. */
export async function getLessons(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  organization: CabinetOrganization,
  query: LessonsQuery,
  now = new Date(),
): Promise<LessonsResponse> {
  const lessons = await readLessons(db, viewer, studentId, {
    ...query,
    timeZone: organization.timezone,
  });
  if (!lessons) throw new AppError('not_found');
  return {
    timeZone: organization.timezone,
    today: localDay(now, organization.timezone),
    lessons: lessons.map(toLesson),
  };
}

/** `GET /api/students/{id}/subscriptions`: own and family-shared, open ones first. */
export async function getSubscriptions(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  organization: CabinetOrganization,
  now = new Date(),
): Promise<SubscriptionsResponse> {
  const student = await requireVisibleStudent(db, viewer, studentId);
  const today = localDay(now, organization.timezone);
  const rows = await listSubscriptions(db, student, today);
  return { today, subscriptions: rows.map(toCabinetSubscription) };
}

/** `GET /api/students/{id}/subscription-offers`: types for the student's groups, with prices. */
export async function getSubscriptionOffers(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  organization: CabinetOrganization,
  now = new Date(),
): Promise<SubscriptionOffersResponse> {
  const student = await requireVisibleStudent(db, viewer, studentId);
  const today = localDay(now, organization.timezone);
  const offers = await listOffers(db, organization.id, student.id, today);
  const balance = await readBalance(db, student.id);
  const { freeKopecks } = balanceSummary(balance);
  return {
    freeKopecks,
    offers: offers.map((offer) => ({ ...offer, affordable: offer.priceKopecks <= freeKopecks })),
  };
}
