import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZChangePasswordResponse,
  ZEmailChangedResponse,
  ZLocaleResponse,
  ZLoginResponse,
  ZPhoneChangedResponse,
  ZSentResponse,
  ZSignInHistoryResponse,
  type ChangeEmailRequest,
  type ChangePasswordRequest,
  type ChangePhoneRequest,
  type ConfirmPhoneRequest,
  type RegisterRequest,
} from '../../shared/contracts/account.js';
import { ZAcceptedResponse } from '../../shared/contracts/auth.js';
import type { Locale } from '../../shared/errors.js';
import { apiRequest } from './client.js';
import { accountKey, sessionKey, sessionsKey } from './keys.js';

/** `GET /api/account/sign-ins`. */
export const signInHistoryKey = [...accountKey, 'sign-ins'] as const;

/** Changes the password (`POST /api/account/password`); other devices end by default. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) =>
      apiRequest('/api/account/password', ZChangePasswordResponse, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Sends a confirmation link to a new email (`POST /api/account/email`). */
export function useChangeEmail() {
  return useMutation({
    mutationFn: (body: ChangeEmailRequest) =>
      apiRequest('/api/account/email', ZSentResponse, { method: 'POST', body }),
  });
}

/** The link from the email to the new address (`POST /api/account/email/confirm`). */
export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      apiRequest('/api/account/email/confirm', ZEmailChangedResponse, {
        method: 'POST',
        body: { token },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

/** Sends an SMS code to a new phone (`POST /api/account/phone`). */
export function useChangePhone() {
  return useMutation({
    mutationFn: (body: ChangePhoneRequest) =>
      apiRequest('/api/account/phone', ZSentResponse, { method: 'POST', body }),
  });
}

/** Confirms the new phone with the SMS code (`POST /api/account/phone/confirm`). */
export function useConfirmPhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmPhoneRequest) =>
      apiRequest('/api/account/phone/confirm', ZPhoneChangedResponse, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

/** The language of the interface and emails (`PUT /api/account/locale`). */
export function useSetAccountLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) =>
      apiRequest('/api/account/locale', ZLocaleResponse, { method: 'PUT', body: { locale } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

/** The account's sign-in history, newest first (`GET /api/account/sign-ins`). */
export function useSignInHistory() {
  return useQuery({
    queryKey: signInHistoryKey,
    queryFn: ({ signal }) =>
      apiRequest('/api/account/sign-ins', ZSignInHistoryResponse, {
        query: { limit: 100 },
        signal,
      }),
  });
}

/** Self-registration (`POST /api/auth/register`): 202 whether or not the email is known. */
export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterRequest) =>
      apiRequest('/api/auth/register', ZAcceptedResponse, { method: 'POST', body }),
  });
}

/** The link from the registration email (`POST /api/auth/register/confirm`). */
export function useConfirmRegistration() {
  return useMutation({
    mutationFn: (token: string) =>
      apiRequest('/api/auth/register/confirm', ZLoginResponse, {
        method: 'POST',
        body: { token },
      }),
  });
}
