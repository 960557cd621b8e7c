import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZKbArticle,
  ZKbCategoriesResponse,
  ZKbCategoryPage,
  ZKbDeflectionResponse,
  ZKbFeedbackResponse,
  ZKbPreviewResponse,
  ZKbSearchResponse,
  ZKbStaffArticle,
  ZKbStaffCategoriesResponse,
  ZKbStaffCategory,
  ZKbStaffListResponse,
  ZKbStats,
  ZKbSuggestResponse,
  type KbArticleInput,
  type KbArticleStatus,
  type KbCategoryInput,
} from '../../shared/contracts/kb.js';
import { currentLocale } from '../i18n/index.js';
import { apiCommand, apiRequest } from './client.js';

const kbKey = ['kb'] as const;
const staffKbKey = ['staff', 'kb'] as const;

/** `GET /api/kb/suggest`: up to five articles for a (debounced) query. */
export function useKbSuggestions(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: [...kbKey, 'suggest', currentLocale(), q],
    queryFn: ({ signal }) =>
      apiRequest('/api/kb/suggest', ZKbSuggestResponse, {
        query: { q, locale: currentLocale() },
        signal,
      }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** `GET /api/kb/search`. */
export function useKbSearch(query: string, page: number) {
  const q = query.trim();
  return useQuery({
    queryKey: [...kbKey, 'search', currentLocale(), q, page],
    queryFn: ({ signal }) =>
      apiRequest('/api/kb/search', ZKbSearchResponse, {
        query: { q, page, locale: currentLocale() },
        signal,
      }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useKbCategories() {
  return useQuery({
    queryKey: [...kbKey, 'categories', currentLocale()],
    queryFn: ({ signal }) =>
      apiRequest('/api/kb/categories', ZKbCategoriesResponse, {
        query: { locale: currentLocale() },
        signal,
      }),
  });
}

export function useKbCategoryPage(slug: string) {
  return useQuery({
    queryKey: [...kbKey, 'category', currentLocale(), slug],
    queryFn: ({ signal }) =>
      apiRequest(`/api/kb/categories/${encodeURIComponent(slug)}`, ZKbCategoryPage, {
        query: { locale: currentLocale() },
        signal,
      }),
  });
}

/** A published article; each fetch counts a view, so it is not refetched on focus. */
export function useKbArticle(slug: string | null) {
  return useQuery({
    queryKey: [...kbKey, 'article', currentLocale(), slug],
    queryFn: ({ signal }) =>
      apiRequest(`/api/kb/articles/${encodeURIComponent(slug ?? '')}`, ZKbArticle, {
        query: { locale: currentLocale() },
        signal,
      }),
    enabled: slug !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useKbFeedback(articleId: string) {
  return useMutation({
    mutationFn: (vote: { helpful: boolean; comment?: string }) =>
      apiRequest(`/api/kb/articles/${articleId}/feedback`, ZKbFeedbackResponse, {
        method: 'POST',
        body: vote,
      }),
  });
}

export function useKbDeflection() {
  return useMutation({
    mutationFn: ({ articleId, query }: { articleId: string; query: string }) =>
      apiRequest(`/api/kb/articles/${articleId}/deflections`, ZKbDeflectionResponse, {
        method: 'POST',
        body: { query },
      }),
  });
}

// ---- Staff ----

export function useStaffKbCategories() {
  return useQuery({
    queryKey: [...staffKbKey, 'categories'],
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/kb/categories', ZKbStaffCategoriesResponse, { signal }),
  });
}

/** Creates (no id) or changes a category; public pages show the change at once. */
export function useSaveKbCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: KbCategoryInput }) =>
      id
        ? apiRequest(`/api/staff/kb/categories/${id}`, ZKbStaffCategory, {
            method: 'PUT',
            body: input,
          })
        : apiRequest('/api/staff/kb/categories', ZKbStaffCategory, { method: 'POST', body: input }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: staffKbKey }),
        client.invalidateQueries({ queryKey: kbKey }),
      ]),
  });
}

/** Deletes an empty category; the server refuses one with articles (`kb_category_not_empty`). */
export function useDeleteKbCategory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCommand(`/api/staff/kb/categories/${id}`, { method: 'DELETE' }),
    // A refusal means the counts on screen were stale: refresh them either way.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: staffKbKey }),
        client.invalidateQueries({ queryKey: kbKey }),
      ]),
  });
}

/** The staff article list, optionally one status and one category. */
export function useStaffKbArticles(
  status: KbArticleStatus | undefined,
  page: number,
  categoryId?: string,
) {
  return useQuery({
    queryKey: [...staffKbKey, 'articles', status ?? 'all', categoryId ?? 'any', page],
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/kb/articles', ZKbStaffListResponse, {
        query: { status, page, categoryId },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useStaffKbArticle(id: string | null) {
  return useQuery({
    queryKey: [...staffKbKey, 'article', id],
    queryFn: ({ signal }) =>
      apiRequest(`/api/staff/kb/articles/${id}`, ZKbStaffArticle, { signal }),
    enabled: id !== null,
  });
}

export function useKbStats() {
  return useQuery({
    queryKey: [...staffKbKey, 'stats'],
    queryFn: ({ signal }) => apiRequest('/api/staff/kb/stats', ZKbStats, { signal }),
  });
}

/** Creates (no id) or replaces an article; `publish` on create publishes at once. */
export function useSaveKbArticle(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: KbArticleInput & { publish?: boolean }) =>
      id
        ? apiRequest(`/api/staff/kb/articles/${id}`, ZKbStaffArticle, {
            method: 'PUT',
            body: { ...input, publish: undefined },
          })
        : apiRequest('/api/staff/kb/articles', ZKbStaffArticle, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKbKey }),
  });
}

export function useSetKbArticleStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'publish' | 'unpublish') =>
      apiRequest(`/api/staff/kb/articles/${id}/${action}`, ZKbStaffArticle, { method: 'POST' }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: staffKbKey }),
        client.invalidateQueries({ queryKey: kbKey }),
      ]),
  });
}

/** Renders Markdown on the server, exactly as the public page will. */
export function useKbPreview(body: string, enabled: boolean) {
  return useQuery({
    queryKey: [...staffKbKey, 'preview', body],
    queryFn: ({ signal }) =>
      apiRequest('/api/staff/kb/preview', ZKbPreviewResponse, {
        method: 'POST',
        body: { body },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
