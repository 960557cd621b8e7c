import { ERRORS, type ErrorCode, type Locale } from '../../shared/errors.js';

/** The one error type services throw; the HTTP layer turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(ERRORS[code].en);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}

/** The localized message for a code. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERRORS[code][locale];
}
