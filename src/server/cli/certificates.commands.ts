import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../infra/app-error.js';
import { importCertificates } from '../modules/helpdesk/index.js';
import { findOrganizationById } from '../modules/orgs/index.js';
import { organizations } from '../modules/orgs/orgs.schema.js';
import type { CommandEnv, CommandResult } from './commands.js';

/** USAGE lines of the `certificates` commands. */
export const CERTIFICATES_USAGE = `  certificates import <file.csv> [--org SLUG]
                                       import support certificates (serial,product,level,valid_from,
                                       valid_to,activation_code,customer); prints bad rows by line
`;

const fail = (output: string): CommandResult => ({ output, exitCode: 2 });

/**
 * Makes the CSV path absolute in the CLI process: in embedded mode the server runs the command
 * (control socket), and its working directory is not the operator's.
 */
export function resolveCertificateArgs(argv: string[]): string[] {
  const [group, action, ...rest] = argv;
  if (group !== 'certificates' || action !== 'import') return argv;
  const index = rest.findIndex((arg, i) => !arg.startsWith('--') && rest[i - 1] !== '--org');
  if (index < 0) return argv;
  const copy = [...rest];
  copy[index] = path.resolve(copy[index] ?? '');
  return [group, action, ...copy];
}

/** `kabinet certificates import <csv> [--org slug]` (the default organization unless given). */
export async function runCertificatesCommand(
  env: CommandEnv,
  action: string | undefined,
  args: string[],
): Promise<CommandResult> {
  if (action !== 'import') return fail(CERTIFICATES_USAGE);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) return fail(CERTIFICATES_USAGE);
  const organization = values.org
    ? (await env.ctx.db.select().from(organizations)).find((org) => org.slug === values.org)
    : await findOrganizationById(env.ctx.db, env.defaultOrganizationId);
  if (!organization) return fail(`No organization ${values.org ?? '(default)'}.\n`);
  let csv: string;
  try {
    csv = await readFile(path.resolve(file), 'utf8');
  } catch {
    return fail(`Cannot read ${file}.\n`);
  }
  try {
    const result = await importCertificates(env.ctx, organization, { id: null }, csv, 'en');
    const lines = [
      `Rows: ${result.rows}; created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, errors ${result.errors.length}.`,
      ...result.errors.map(
        (error) =>
          `  line ${error.line}${error.serial ? ` (${error.serial})` : ''}: ${error.message}`,
      ),
      ...(result.generatedCodes.length > 0 ? ['Generated activation codes (shown once):'] : []),
      ...result.generatedCodes.map((entry) => `  ${entry.serial}\t${entry.activationCode}`),
    ];
    return { output: lines.join('\n') + '\n', exitCode: result.errors.length > 0 ? 1 : 0 };
  } catch (error) {
    if (error instanceof AppError && error.code === 'certificate_import_unreadable')
      return fail(
        'Cannot read the CSV: it needs the header serial,product,level,valid_from,valid_to,activation_code,customer.\n',
      );
    throw error;
  }
}
