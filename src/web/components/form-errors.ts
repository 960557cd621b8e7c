import { z } from 'zod';

/** The part of a zod issue the forms need; the server sends zod issues as `details`. */
const ZIssues = z.array(
  z.looseObject({
    code: z.string(),
    path: z.array(z.union([z.string(), z.number()])),
  }),
);

/** A validation problem of one top-level field. */
export interface FieldIssue {
  field: string;
  /** The zod issue code, e.g. `too_small`, `too_big`, `invalid_format`. */
  code: string;
}

/** Reads zod issues (from a local safeParse or from a server `validation_failed`). */
export function readFieldIssues(issues: unknown): FieldIssue[] {
  const parsed = ZIssues.safeParse(issues);
  if (!parsed.success) return [];
  return parsed.data.flatMap((issue) => {
    const [field] = issue.path;
    return typeof field === 'string' ? [{ field, code: issue.code }] : [];
  });
}
