import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  ZLesson,
  ZLessonListResponse,
  ZScheduleRule,
  ZScheduleRuleListResponse,
  type CancelLessonRequest,
  type ExtraLessonRequest,
  type MoveLessonRequest,
  type ScheduleRuleInput,
} from '../../shared/contracts/classes.js';
import { classesKey, groupsKey, useInvalidateClasses } from './classes.js';
import { apiCommand, apiRequest } from './client.js';

const BASE = '/api/staff/classes';
const lessonsKey = [...classesKey, 'lessons'] as const;

export function useScheduleRules(groupId: string) {
  return useQuery({
    queryKey: [...groupsKey, 'rules', groupId],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/groups/${groupId}/rules`, ZScheduleRuleListResponse, { signal }),
  });
}

export function useAddScheduleRule(groupId: string) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (body: ScheduleRuleInput) =>
      apiRequest(`${BASE}/groups/${groupId}/rules`, ZScheduleRule, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteScheduleRule(groupId: string) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (ruleId: string) =>
      apiCommand(`${BASE}/groups/${groupId}/rules/${ruleId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Lessons on local days `from`…`to` (the organization's zone), optionally of one group. */
export function useLessons(from: string, to: string, groupId?: string) {
  return useQuery({
    queryKey: [...lessonsKey, from, to, groupId ?? null],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/lessons`, ZLessonListResponse, {
        query: { from, to, groupId },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Any change to one lesson: cancel, restore, move. */
export type LessonChange =
  | ({ kind: 'cancel' } & CancelLessonRequest)
  | { kind: 'restore' }
  | ({ kind: 'move' } & MoveLessonRequest);

export function useChangeLesson(lessonId: string) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (change: LessonChange) => {
      const { kind, ...body } = change;
      return apiRequest(`${BASE}/lessons/${lessonId}/${kind}`, ZLesson, { method: 'POST', body });
    },
    onSuccess: invalidate,
  });
}

/** Adds an extra lesson; the client id makes a double click harmless. */
export function useAddExtraLesson() {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: ({ groupId, ...body }: ExtraLessonRequest & { groupId: string }) =>
      apiRequest(`${BASE}/groups/${groupId}/lessons`, ZLesson, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}
