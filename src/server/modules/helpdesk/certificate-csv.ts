import { parse } from 'csv-parse/sync';
import {
  normalizeCertificateKey,
  type CertificateImportRowError,
} from '../../../shared/contracts/helpdesk-certificates.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';

export const CERTIFICATE_CSV_COLUMNS = [
  'serial',
  'product',
  'level',
  'valid_from',
  'valid_to',
  'activation_code',
  'customer',
] as const;

/** A row that passed the checks, still to be matched against the database. */
export interface CertificateCsvRow {
  line: number;
  serial: string;
  product: string;
  level: string;
  validFrom: string;
  validTo: string;
  /** Normalized; null: keep the existing code (or generate one for a new certificate). */
  activationCode: string | null;
  customer: string | null;
}

type RowErrorCode = CertificateImportRowError['code'];

const MESSAGES: Record<RowErrorCode, { ru: string; en: string }> = {
  missing_field: { ru: 'Не заполнено поле', en: 'Missing field' },
  invalid_date: {
    ru: 'Дата не распознана (нужно ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)',
    en: 'Unrecognised date (use YYYY-MM-DD or DD.MM.YYYY)',
  },
  dates_reversed: {
    ru: 'Дата окончания раньше даты начала',
    en: 'The end date is before the start',
  },
  unknown_level: { ru: 'Неизвестный уровень поддержки', en: 'Unknown support level' },
  invalid_serial: { ru: 'Недопустимый серийный номер', en: 'Invalid serial number' },
  invalid_activation_code: {
    ru: 'Код активации короче 6 символов',
    en: 'The activation code is shorter than 6 characters',
  },
  duplicate_in_file: {
    ru: 'Этот серийный номер уже встречался в файле',
    en: 'This serial number already appeared in the file',
  },
  column_count: { ru: 'Неверное число столбцов', en: 'Wrong number of columns' },
};

/** A row error in the person's language. */
export function rowError(
  locale: Locale,
  line: number,
  serial: string | null,
  code: RowErrorCode,
  field: string | null = null,
): CertificateImportRowError {
  const base = MESSAGES[code][locale];
  return { line, serial, code, field, message: field ? `${base}: ${field}` : base };
}

/** `YYYY-MM-DD` or `DD.MM.YYYY` (as Russian spreadsheets save it) to `YYYY-MM-DD`; null if invalid. */
export function parseCsvDate(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : ru
      ? [ru[3], ru[2], ru[1]]
      : [undefined, undefined, undefined];
  if (!year || !month || !day) return null;
  const date = `${year}-${month}-${day}`;
  // Rejects 2025-02-30 and the like: the date must survive a round trip.
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : null;
}

/** `;` when the header has more semicolons than commas (Excel in Russian locales), else `,`. */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Reads the CSV: UTF-8 with or without BOM, `,` or `;`, a header naming the columns in any
 * order. Returns the rows that passed the per-row checks and the errors of the others (with
 * the line number of the row's first line; the header is line 1).
 */
export function readCertificateCsv(
  text: string,
  locale: Locale,
): { rows: CertificateCsvRow[]; errors: CertificateImportRowError[]; total: number } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as `{ record, info }` (the typings do not say so).
    records = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError('certificate_import_unreadable', { line: line ?? null });
  }
  const [head, ...body] = records;
  const header = head?.record.map((name) => name.trim().toLowerCase()) ?? [];
  const missing = CERTIFICATE_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new AppError('certificate_import_unreadable', {
      expected: CERTIFICATE_CSV_COLUMNS,
      missing,
    });
  const index = Object.fromEntries(CERTIFICATE_CSV_COLUMNS.map((c) => [c, header.indexOf(c)]));

  const rows: CertificateCsvRow[] = [];
  const errors: CertificateImportRowError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of body) {
    // `info.lines` is where the record ends; a quoted field may span lines.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const cell = (column: (typeof CERTIFICATE_CSV_COLUMNS)[number]) =>
      (record[index[column] ?? -1] ?? '').trim();
    const serial = normalizeCertificateKey(cell('serial'));
    const fail = (code: RowErrorCode, field: string | null = null) =>
      errors.push(rowError(locale, line, serial || null, code, field));
    if (record.length !== header.length) {
      fail('column_count');
      continue;
    }
    const empty = (['serial', 'product', 'level', 'valid_from', 'valid_to'] as const).find(
      (column) => cell(column) === '',
    );
    if (empty) {
      fail('missing_field', empty);
      continue;
    }
    if (!/^[A-Z0-9./]{1,64}$/.test(serial)) {
      fail('invalid_serial', 'serial');
      continue;
    }
    const validFrom = parseCsvDate(cell('valid_from'));
    const validTo = parseCsvDate(cell('valid_to'));
    if (!validFrom || !validTo) {
      fail('invalid_date', validFrom ? 'valid_to' : 'valid_from');
      continue;
    }
    if (validFrom > validTo) {
      fail('dates_reversed', 'valid_to');
      continue;
    }
    const code = normalizeCertificateKey(cell('activation_code'));
    if (code !== '' && code.length < 6) {
      fail('invalid_activation_code', 'activation_code');
      continue;
    }
    const first = firstLineOf.get(serial);
    if (first !== undefined) {
      errors.push({
        ...rowError(locale, line, serial, 'duplicate_in_file'),
        message: `${MESSAGES.duplicate_in_file[locale]} (${first})`,
      });
      continue;
    }
    firstLineOf.set(serial, line);
    rows.push({
      line,
      serial,
      product: cell('product').slice(0, 200),
      level: cell('level'),
      validFrom,
      validTo,
      activationCode: code || null,
      customer: cell('customer').slice(0, 300) || null,
    });
  }
  return { rows, errors, total: body.length };
}
