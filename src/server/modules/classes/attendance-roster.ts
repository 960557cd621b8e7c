import { explainCharge } from '../../../shared/charge-explanation.js';
import type { AttendanceLesson, RosterResponse } from '../../../shared/contracts/attendance.js';
import type { Locale } from '../../../shared/errors.js';
import type { DbOrTx } from '../../infra/db.js';
import { findMissedVisits, findRoster, type LessonRow } from './attendance-lessons.repo.js';

/** The contract's shape is the row's: listed explicitly so extra columns never leak. */
export function toLesson(row: LessonRow): AttendanceLesson {
  return {
    id: row.id,
    groupId: row.groupId,
    groupName: row.groupName,
    courseName: row.courseName,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    startTime: row.startTime,
    endTime: row.endTime,
    date: row.date,
    status: row.status,
    cancelReason: row.cancelReason,
    roomName: row.roomName,
    teacherName: row.teacherName,
    markedCount: row.markedCount,
    enrolledCount: row.enrolledCount,
  };
}

/** Builds the roster of a lesson: each student's mark and the live charge, explained. */
export async function buildRoster(
  db: DbOrTx,
  lesson: LessonRow,
  locale: Locale,
): Promise<RosterResponse> {
  const rows = await findRoster(db, lesson);
  const missed = await findMissedVisits(
    db,
    lesson,
    rows.map((row) => row.studentId),
  );
  return {
    // Every marked student is on the roster, so the count needs no second read after marking.
    lesson: toLesson({ ...lesson, markedCount: rows.filter((row) => row.visitId).length }),
    students: rows.map((row) => ({
      studentId: row.studentId,
      fullName: row.fullName,
      enrolled: row.enrolled,
      visitId: row.visitId,
      status: row.status,
      note: row.note,
      makeupForVisitId: row.makeupForVisitId,
      markedAt: row.markedAt,
      markedByName: row.markedByName,
      charge:
        row.chargeOutcome && row.chargeReason
          ? {
              outcome: row.chargeOutcome,
              reason: row.chargeReason,
              amountKopecks: row.chargeAmountKopecks ?? 0,
              subscriptionNumber: row.subscriptionNumber,
              explanation: explainCharge(
                {
                  outcome: row.chargeOutcome,
                  reason: row.chargeReason,
                  amountKopecks: row.chargeAmountKopecks ?? 0,
                  reasonParams: row.chargeReasonParams ?? {},
                },
                locale,
              ),
            }
          : null,
      missedVisits: missed
        .filter((visit) => visit.studentId === row.studentId)
        .map(({ visitId, lessonStartsAt, groupName }) => ({ visitId, lessonStartsAt, groupName })),
    })),
  };
}
