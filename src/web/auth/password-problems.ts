import { z } from 'zod';
import { ZPasswordProblem, type PasswordProblem } from '../../shared/contracts/auth.js';
import { ApiError } from '../api/client.js';

const ZRejectedDetails = z.object({ problems: z.array(ZPasswordProblem) });

/** The rules a `password_rejected` answer lists; empty for any other error. */
export function rejectedProblems(error: unknown): PasswordProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'password_rejected') return [];
  const parsed = ZRejectedDetails.safeParse(error.details);
  return parsed.success ? parsed.data.problems : [];
}
