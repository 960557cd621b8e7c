import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZAcceptedResponse,
  ZActivationStatusResponse,
  ZPasswordCheckResponse,
  ZResetLinkStatusResponse,
} from '../../shared/contracts/auth.js';
import { apiRequest } from './client.js';
import { activationKey, resetLinkKey } from './keys.js';

/** Body of `POST /api/auth/password-reset/confirm`. */
export type PasswordResetConfirm =
  { token: string; newPassword: string } | { phone: string; code: string; newPassword: string };

// Confirmations answer 204 or a small JSON body; either way nothing in it is needed.
const ZAnything = z.unknown();

/** Live policy feedback while a new password is typed (`POST /api/auth/password-check`). */
export function usePasswordCheck(password: string, login: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['password-check', password, login ?? ''],
    queryFn: ({ signal }) =>
      apiRequest('/api/auth/password-check', ZPasswordCheckResponse, {
        method: 'POST',
        body: { password, ...(login ? { login } : {}) },
        signal,
      }),
    enabled: enabled && password.length > 0,
    staleTime: Infinity,
    gcTime: 0,
    // A typed password must not linger in the cache longer than the page needs it.
    retry: false,
  });
}

/** Asks for a reset link or SMS code; 202 whatever the login (`…/password-reset/request`). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { login: string; captcha?: string }) =>
      apiRequest('/api/auth/password-reset/request', ZAcceptedResponse, { method: 'POST', body }),
  });
}

/** Sets the new password by link token or SMS code (`…/password-reset/confirm`). */
export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: PasswordResetConfirm) =>
      apiRequest('/api/auth/password-reset/confirm', ZAnything, { method: 'POST', body }),
  });
}

/** Whether a reset link is still valid (`GET /api/auth/password-reset/:token`). */
export function useResetLinkStatus(token: string) {
  return useQuery({
    queryKey: resetLinkKey(token),
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/auth/password-reset/${encodeURIComponent(token)}`,
        ZResetLinkStatusResponse,
        { signal },
      ),
    enabled: token.length > 0,
    staleTime: Infinity,
  });
}

/** Whether an invitation link is still valid, and for whom (`GET /api/auth/activate/:token`). */
export function useActivationStatus(token: string) {
  return useQuery({
    queryKey: activationKey(token),
    queryFn: ({ signal }) =>
      apiRequest(`/api/auth/activate/${encodeURIComponent(token)}`, ZActivationStatusResponse, {
        signal,
      }),
    enabled: token.length > 0,
    staleTime: Infinity,
  });
}

/** Sets the person's own password from an invitation (`POST /api/auth/activate`). */
export function useActivate() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      apiRequest('/api/auth/activate', ZAnything, { method: 'POST', body }),
  });
}
