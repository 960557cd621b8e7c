import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZCatalogResponse,
  ZEnrollment,
  ZEnrollmentListResponse,
  ZFamily,
  ZGroup,
  ZGroupListResponse,
  ZOpenStudentAccessResponse,
  ZStudent,
  ZStudentAccount,
  ZStudentCard,
  ZStudentListResponse,
  type CourseInput,
  type CreateEnrollmentRequest,
  type CreateStudentRequest,
  type GroupInput,
  type LinkStudentAccountRequest,
  type OpenStudentAccessRequest,
  type UpdateEnrollmentRequest,
  type UpdateStudentRequest,
} from '../../shared/contracts/classes.js';
import { apiCommand, apiRequest } from './client.js';

const BASE = '/api/staff/classes';

/** Everything of the classes console; invalidating it refreshes every page of it. */
export const classesKey = ['staff', 'classes'] as const;
const studentsKey = [...classesKey, 'students'] as const;
/** Groups, their enrolments and weekly rules. */
export const groupsKey = [...classesKey, 'groups'] as const;
const catalogKey = [...classesKey, 'catalog'] as const;

/** Refreshes the whole console section after a change (lists are small and cheap to reload). */
export function useInvalidateClasses() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: classesKey });
}

/** Students by name, email or phone (`GET …/students`). */
export function useStudents(q: string, page = 1) {
  return useQuery({
    queryKey: [...studentsKey, 'list', q, page],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/students`, ZStudentListResponse, {
        query: { q: q.trim() || undefined, page },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A student's card: contacts, family, accounts, enrolments. */
export function useStudentCard(id: string) {
  return useQuery({
    queryKey: [...studentsKey, 'card', id],
    queryFn: ({ signal }) => apiRequest(`${BASE}/students/${id}`, ZStudentCard, { signal }),
  });
}

export function useCreateStudent() {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (body: CreateStudentRequest) =>
      apiRequest(`${BASE}/students`, ZStudent, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateStudent(id: string) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (body: UpdateStudentRequest) =>
      apiRequest(`${BASE}/students/${id}`, ZStudent, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useLinkStudentAccount(id: string) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (body: LinkStudentAccountRequest) =>
      apiRequest(`${BASE}/students/${id}/accounts`, ZStudentAccount, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** «Открыть доступ»: an invitation through the access module, then the link. */
export function useOpenStudentAccess(id: string) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (body: OpenStudentAccessRequest) =>
      apiRequest(`${BASE}/students/${id}/open-access`, ZOpenStudentAccessResponse, {
        method: 'POST',
        body,
      }),
    onSuccess: invalidate,
  });
}

export function useUnlinkStudentAccount(id: string) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (userId: string) =>
      apiCommand(`${BASE}/students/${id}/accounts/${userId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Merges `duplicateId` into the student `id`. */
export function useMergeStudents(id: string) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (duplicateId: string) =>
      apiRequest(`${BASE}/students/${id}/merge`, ZStudentCard, {
        method: 'POST',
        body: { duplicateId },
      }),
    onSuccess: invalidate,
  });
}

/** Family changes of the card: create with the student, join, leave. */
export type FamilyChange =
  | { kind: 'create'; name: string; studentIds: string[] }
  | { kind: 'add'; familyId: string; studentId: string }
  | { kind: 'remove'; familyId: string; studentId: string };

export function useChangeFamily() {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (change: FamilyChange) => {
      switch (change.kind) {
        case 'create':
          return apiRequest(`${BASE}/families`, ZFamily, {
            method: 'POST',
            body: { name: change.name, studentIds: change.studentIds },
          });
        case 'add':
          return apiRequest(`${BASE}/families/${change.familyId}/members`, ZFamily, {
            method: 'POST',
            body: { studentId: change.studentId },
          });
        case 'remove':
          return apiRequest(
            `${BASE}/families/${change.familyId}/members/${change.studentId}`,
            ZFamily,
            { method: 'DELETE' },
          );
      }
    },
    onSuccess: invalidate,
  });
}

/** Branches, rooms, teachers and courses for the pickers. */
export function useCatalog() {
  return useQuery({
    queryKey: catalogKey,
    queryFn: ({ signal }) => apiRequest(`${BASE}/catalog`, ZCatalogResponse, { signal }),
    staleTime: 30_000,
  });
}

export function useCreateCourse() {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (body: CourseInput) =>
      apiRequest(`${BASE}/courses`, ZCatalogResponse.shape.courses.element, {
        method: 'POST',
        body,
      }),
    onSuccess: invalidate,
  });
}

export function useGroups(includeArchived = false) {
  return useQuery({
    queryKey: [...groupsKey, 'list', includeArchived],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/groups`, ZGroupListResponse, {
        query: { includeArchived: includeArchived ? 'true' : undefined },
        signal,
      }),
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: [...groupsKey, 'one', id],
    queryFn: ({ signal }) => apiRequest(`${BASE}/groups/${id}`, ZGroup, { signal }),
  });
}

/** Creates (`id` null) or edits a group. */
export function useSaveGroup(id: string | null) {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (body: GroupInput) =>
      apiRequest(id ? `${BASE}/groups/${id}` : `${BASE}/groups`, ZGroup, {
        method: id ? 'PUT' : 'POST',
        body,
      }),
    onSuccess: invalidate,
  });
}

export function useGroupEnrollments(groupId: string) {
  return useQuery({
    queryKey: [...groupsKey, 'enrollments', groupId],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/groups/${groupId}/enrollments`, ZEnrollmentListResponse, { signal }),
  });
}

export function useCreateEnrollment() {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: (body: CreateEnrollmentRequest) =>
      apiRequest(`${BASE}/enrollments`, ZEnrollment, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateEnrollment() {
  const invalidate = useInvalidateClasses();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateEnrollmentRequest & { id: string }) =>
      apiRequest(`${BASE}/enrollments/${id}`, ZEnrollment, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}
