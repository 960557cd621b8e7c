import { z } from 'zod';
import { ERROR_CODES, LOCALES } from '../errors.js';

export const ZLocale = z.enum(LOCALES);

/** Emails with Cyrillic (IDN) domains such as `почта.рф` are valid. */
export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ pattern: z.regexes.unicodeEmail }));

/** The one error shape every endpoint uses. */
export const ZErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z
        .string()
        .meta({ description: 'Localized by the user language or Accept-Language' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZUuid = z.uuid();
export const ZIdParams = z.object({ id: ZUuid });
