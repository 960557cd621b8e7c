import { useSyncExternalStore } from 'react';
import { ZAccountBlockedDetails, type AccountBlockedDetails } from '../../shared/contracts/auth.js';
import { ApiError } from '../api/client.js';

/**
 * Why the person is no longer signed in, told on the sign-in page: the server ended the
 * session (signed in elsewhere under a session limit; password change, block or staff),
 * or the account is blocked (with the reasons the server gives after the right password).
 */
export type AuthNotice =
  | { kind: 'signed_out_elsewhere' | 'session_ended'; message: string }
  | { kind: 'account_blocked'; message: string; details: AccountBlockedDetails };

// Kept in sessionStorage so a reload of the sign-in page still explains what happened,
// but never outlives the tab.
const STORAGE_KEY = 'kabinet.authNotice';
const listeners = new Set<() => void>();
let current: AuthNotice | null = read();

function read(): AuthNotice | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as AuthNotice) : null;
  } catch {
    return null;
  }
}

function write(notice: AuthNotice | null): void {
  current = notice;
  try {
    if (notice) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(notice));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled (private mode): the notice still lives in memory for this page.
  }
  for (const listener of listeners) listener();
}

/** The codes that mean "this browser is no longer signed in". */
export const SESSION_GONE_CODES = new Set([
  'unauthenticated',
  'signed_out_elsewhere',
  'session_ended',
  'account_blocked',
]);

/**
 * Records what an API error says about the session; returns true when the session is gone.
 * `account_blocked` counts only with well-formed details (the reasons to show).
 */
export function noteSessionError(error: unknown): boolean {
  if (!(error instanceof ApiError) || !SESSION_GONE_CODES.has(error.code)) return false;
  if (error.code === 'signed_out_elsewhere' || error.code === 'session_ended') {
    write({ kind: error.code, message: error.message });
  } else if (error.code === 'account_blocked') {
    const details = ZAccountBlockedDetails.safeParse(error.details);
    if (details.success) {
      write({ kind: 'account_blocked', message: error.message, details: details.data });
    }
  }
  return true;
}

/** Forgets the notice (after a successful sign-in, or when the person dismisses it). */
export function clearAuthNotice(): void {
  if (current) write(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current notice, re-rendering when it changes. */
export function useAuthNotice(): AuthNotice | null {
  return useSyncExternalStore(subscribe, () => current);
}
