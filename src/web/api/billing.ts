import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  ZSubscriptionList,
  ZSubscriptionType,
  ZSubscriptionTypeList,
  type CorrectionRequest,
  type PaymentRequest,
  type RefundRequest,
  type SellRequest,
  type SubscriptionListQuery,
  type SubscriptionTypeInput,
} from '../../shared/contracts/billing.js';
import {
  ZDebtLessonsPage,
  ZMoneyHistory,
  ZMoneyWriteResponse,
  ZStudentMoney,
  ZSubscriptionResponse,
  ZUnderpaidFeesPage,
  ZUnderpaidSubscriptionsPage,
} from '../../shared/contracts/billing-history.js';
import type { z } from 'zod';
import { ZCatalogResponse, ZGroupListResponse } from '../../shared/contracts/classes.js';
import { apiRequest } from './client.js';

const BASE = '/api/staff/billing';

/** Everything of staff billing; money writes invalidate it all (totals show on many pages). */
export const staffBillingKey = ['staff', 'billing'] as const;
const typesKey = [...staffBillingKey, 'types'] as const;

/** A fresh key for one money write; kept while its dialog is open so a retry reuses it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Subscription types on sale, or the archived ones. */
export function useSubscriptionTypes(archived = false) {
  return useQuery({
    queryKey: [...typesKey, archived],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/subscription-types`, ZSubscriptionTypeList, {
        query: { archived: String(archived) },
        signal,
      }),
  });
}

/** Creates or edits a type; `archive` takes it off sale or back. */
export function useSaveSubscriptionType() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      change: { id?: string; input: SubscriptionTypeInput } | { id: string; archived: boolean },
    ) =>
      'archived' in change
        ? apiRequest(`${BASE}/subscription-types/${change.id}/archive`, ZSubscriptionType, {
            method: 'POST',
            body: { archived: change.archived },
          })
        : apiRequest(
            change.id ? `${BASE}/subscription-types/${change.id}` : `${BASE}/subscription-types`,
            ZSubscriptionType,
            { method: change.id ? 'PUT' : 'POST', body: change.input },
          ),
    onSuccess: () => client.invalidateQueries({ queryKey: typesKey }),
  });
}

/** Groups and courses a type may cover (the structure's staff API). */
export function useScopeChoices() {
  return useQuery({
    queryKey: [...staffBillingKey, 'scope-choices'],
    queryFn: async ({ signal }) => {
      const [groups, catalog] = await Promise.all([
        apiRequest('/api/staff/classes/groups', ZGroupListResponse, { signal }),
        apiRequest('/api/staff/classes/catalog', ZCatalogResponse, { signal }),
      ]);
      return {
        groups: groups.groups.filter((group) => !group.archived),
        courses: catalog.courses.filter((course) => !course.archived),
      };
    },
  });
}

type ListFilters = Omit<SubscriptionListQuery, 'cursor'>;

/** Sold subscriptions with filters, page after page (keyset by number). */
export function useSubscriptionList(filters: ListFilters) {
  return useInfiniteQuery({
    queryKey: [...staffBillingKey, 'subscriptions', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`${BASE}/subscriptions`, ZSubscriptionList, {
        query: {
          status: filters.status,
          studentId: filters.studentId,
          typeId: filters.typeId,
          soldFrom: filters.soldFrom,
          soldTo: filters.soldTo,
          underpaid: filters.underpaid ? 'true' : undefined,
          cursor: pageParam,
        },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function usePagedDebts<S extends z.ZodType<{ nextCursor: string | null }>>(
  kind: 'lessons' | 'subscriptions' | 'fees',
  schema: S,
) {
  return useInfiniteQuery({
    queryKey: [...staffBillingKey, 'debts', kind],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }): Promise<z.output<S>> =>
      apiRequest(`${BASE}/debts/${kind}`, schema, { query: { cursor: pageParam }, signal }),
    getNextPageParam: (last: z.output<S>) => last.nextCursor ?? undefined,
  });
}

/** Students with lessons in debt, most first. */
export const useDebtLessons = () => usePagedDebts('lessons', ZDebtLessonsPage);
/** Open subscriptions paid less than their price. */
export const useUnderpaidSubscriptions = () =>
  usePagedDebts('subscriptions', ZUnderpaidSubscriptionsPage);
/** One-time-fee enrolments paid less than their fee. */
export const useUnderpaidFees = () => usePagedDebts('fees', ZUnderpaidFeesPage);

/** A student's totals, subscriptions and fees. */
export function useStudentMoney(studentId: string) {
  return useQuery({
    queryKey: [...staffBillingKey, 'student', studentId],
    queryFn: ({ signal }) =>
      apiRequest(`${BASE}/students/${studentId}/money`, ZStudentMoney, { signal }),
  });
}

/** A student's money history, newest first. */
export function useMoneyHistory(studentId: string) {
  return useInfiniteQuery({
    queryKey: [...staffBillingKey, 'student', studentId, 'ledger'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`${BASE}/students/${studentId}/ledger`, ZMoneyHistory, {
        query: { cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every money action of the console; each carries its idempotency key in the body. */
export type MoneyAction =
  | { kind: 'sell'; body: SellRequest & { idempotencyKey: string } }
  | { kind: 'payment'; studentId: string; body: PaymentRequest & { idempotencyKey: string } }
  | { kind: 'refund'; studentId: string; body: RefundRequest & { idempotencyKey: string } }
  | {
      kind: 'correction';
      studentId: string;
      body: CorrectionRequest & { idempotencyKey: string };
    }
  | { kind: 'freeze'; subscriptionId: string; freeze: { from: string; to: string } | null }
  | {
      kind: 'cancel';
      subscriptionId: string;
      body: {
        refund: { method: PaymentRequest['method'] } | null;
        comment?: string;
        idempotencyKey: string;
      };
    };

async function runAction(action: MoneyAction): Promise<unknown> {
  const post = { method: 'POST' as const };
  switch (action.kind) {
    case 'sell':
      return apiRequest(`${BASE}/subscriptions`, ZSubscriptionResponse, {
        ...post,
        body: action.body,
      });
    case 'payment':
      return apiRequest(`${BASE}/students/${action.studentId}/payments`, ZMoneyWriteResponse, {
        ...post,
        body: action.body,
      });
    case 'refund':
      return apiRequest(`${BASE}/students/${action.studentId}/refunds`, ZMoneyWriteResponse, {
        ...post,
        body: action.body,
      });
    case 'correction':
      return apiRequest(`${BASE}/students/${action.studentId}/corrections`, ZMoneyWriteResponse, {
        ...post,
        body: action.body,
      });
    case 'freeze':
      return apiRequest(
        `${BASE}/subscriptions/${action.subscriptionId}/freeze`,
        ZSubscriptionResponse,
        {
          ...post,
          body: { freeze: action.freeze },
        },
      );
    case 'cancel':
      return apiRequest(
        `${BASE}/subscriptions/${action.subscriptionId}/cancel`,
        ZSubscriptionResponse,
        {
          ...post,
          body: action.body,
        },
      );
  }
}

/** Runs a money action and refreshes every billing page (and the students' totals). */
export function useMoneyAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: runAction,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: staffBillingKey }),
        client.invalidateQueries({ queryKey: ['staff', 'classes'] }),
      ]);
    },
  });
}
