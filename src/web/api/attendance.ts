import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZAttendanceDayResponse,
  ZMarkAttendanceResponse,
  ZRosterResponse,
  type AttendanceMark,
} from '../../shared/contracts/attendance.js';
import { apiRequest } from './client.js';

const BASE = '/api/staff/attendance/lessons';

/** Everything of attendance; invalidating it refreshes the day lists and open rosters. */
export const attendanceKey = ['staff', 'attendance'] as const;
const dayKey = (date: string | undefined) => [...attendanceKey, 'day', date ?? 'today'] as const;
const rosterKey = (lessonId: string) => [...attendanceKey, 'roster', lessonId] as const;

/** The day's lessons (`date` omitted: today in the organization's time zone). */
export function useAttendanceDay(date: string | undefined) {
  return useQuery({
    queryKey: dayKey(date),
    queryFn: ({ signal }) => apiRequest(BASE, ZAttendanceDayResponse, { query: { date }, signal }),
  });
}

/** A lesson's roster with marks and charge explanations. */
export function useRoster(lessonId: string) {
  return useQuery({
    queryKey: rosterKey(lessonId),
    queryFn: ({ signal }) => apiRequest(`${BASE}/${lessonId}`, ZRosterResponse, { signal }),
  });
}

/** Saves the marks of one lesson in one request; the answer is the fresh roster. */
export function useMarkAttendance(lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (marks: AttendanceMark[]) =>
      apiRequest(`${BASE}/${lessonId}`, ZMarkAttendanceResponse, {
        method: 'PUT',
        body: { marks },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(rosterKey(lessonId), {
        lesson: result.lesson,
        students: result.students,
      });
      void queryClient.invalidateQueries({ queryKey: [...attendanceKey, 'day'] });
    },
  });
}
