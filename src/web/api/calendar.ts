import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZCalendarDay,
  ZCalendarYear,
  ZWorkingHours,
  type EditCalendarDay,
  type WorkingHoursSettings,
} from '../../shared/contracts/calendar.js';
import { apiRequest } from './client.js';

/** Everything of the working-day calendar; each year is under it. */
const calendarKey = ['staff', 'calendar'] as const;
const calendarYearKey = (year: number) => [...calendarKey, year] as const;

/** A year of the organization's calendar (`GET /api/staff/calendar?year=`). */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarYearKey(year),
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/calendar', ZCalendarYear, { query: { year }, signal }),
  });
}

/** Sets what a day is, or with `kind: null` restores the official calendar for it. */
export function useEditCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, edit }: { date: string; edit: EditCalendarDay | null }) =>
      apiRequest(`/api/staff/calendar/days/${date}`, ZCalendarDay, {
        method: edit ? 'PUT' : 'DELETE',
        ...(edit ? { body: edit } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}

/** Saves the time zone and working hours. */
export function useSaveWorkingHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hours: WorkingHoursSettings) =>
      apiRequest('/api/staff/calendar/hours', ZWorkingHours, { method: 'PUT', body: hours }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}
