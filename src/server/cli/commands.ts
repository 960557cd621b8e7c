import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { STAFF_ROLES, type StaffRole } from '../../shared/contracts/session.js';
import { AppError } from '../infra/app-error.js';
import type { AppContext } from '../infra/context.js';
import { createStaffUser } from '../modules/access/index.js';
import { listOutbox } from '../modules/notify/index.js';
import { findOrganizationById } from '../modules/orgs/index.js';
import { ACCOUNTS_USAGE, runAccountsCommand } from './accounts.commands.js';
import { CERTIFICATES_USAGE, runCertificatesCommand } from './certificates.commands.js';
import { loadDemoData } from './demo.js';

/** What a command prints and its exit code; the same whether run directly or via the server. */
export interface CommandResult {
  output: string;
  exitCode: number;
}

export interface CommandEnv {
  ctx: AppContext;
  defaultOrganizationId: string;
}

export const USAGE = `Usage: kabinet <command> [options]

  migrate                              apply database migrations
  worker                               run the job worker (no HTTP)
  admin create --email E --name N [--role owner|admin|manager|support_agent|teacher] [--password P]
                                       create a staff account (password generated and shown once if omitted)
  outbox list [--json] [--limit N]     emails in the outbox, newest first
  jobs list                            registered job names
  jobs run <name> [--now ISO] [--payload JSON]
                                       run a job now, as if the clock said --now
${ACCOUNTS_USAGE}${CERTIFICATES_USAGE}  demo [--password P]                  fill the default organization with demo data
`;

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });
const fail = (output: string): CommandResult => ({ output, exitCode: 2 });

/** Generated passwords: 16 characters without look-alikes, shown once. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** Runs one CLI command (except `worker` and `migrate`, which need the process itself). */
export async function runCommand(env: CommandEnv, argv: string[]): Promise<CommandResult> {
  const [group, action, ...rest] = argv;
  try {
    if (group === 'admin' && action === 'create') return await adminCreate(env, rest);
    if (group === 'outbox' && action === 'list') return await outboxList(env, rest);
    if (group === 'jobs' && action === 'list') return ok(env.ctx.queue.names.join('\n') + '\n');
    if (group === 'jobs' && action === 'run') return await jobsRun(env, rest);
    if (group === 'accounts') return await runAccountsCommand(env, action, rest);
    if (group === 'certificates') return await runCertificatesCommand(env, action, rest);
    if (group === 'demo')
      return await demo(
        env,
        [action, ...rest].filter((a) => a !== undefined),
      );
    if (group === 'migrate') return ok('Migrations are applied.\n');
    return fail(USAGE);
  } catch (error) {
    if (error instanceof AppError) return fail(`Error: ${error.code}: ${error.message}\n`);
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      return fail(`${error.message}\n\n${USAGE}`);
    }
    throw error;
  }
}

async function adminCreate(env: CommandEnv, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      password: { type: 'string' },
    },
  });
  if (!values.email || !values.name) return fail('admin create needs --email and --name\n');
  if (!STAFF_ROLES.includes(values.role as StaffRole)) {
    return fail(`--role must be one of: ${STAFF_ROLES.join(', ')}\n`);
  }
  const password = values.password ?? generatePassword();
  if (password.length < 10) return fail('The password must be at least 10 characters.\n');
  const user = await createStaffUser(env.ctx.db, {
    organizationId: env.defaultOrganizationId,
    email: values.email,
    displayName: values.name,
    role: values.role as StaffRole,
    password,
  });
  const shown = values.password ? '' : `Password (shown once): ${password}\n`;
  return ok(`Created ${user.staffRole ?? ''} ${user.email}\n${shown}`);
}

async function outboxList(env: CommandEnv, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string', default: '50' },
    },
  });
  const limit = Math.min(Math.max(Number(values.limit) || 50, 1), 500);
  const { messages } = await listOutbox(env.ctx, env.defaultOrganizationId, { limit });
  if (values.json) return ok(JSON.stringify(messages, null, 2) + '\n');
  if (messages.length === 0) return ok('The outbox is empty.\n');
  const lines = messages.map(
    (m) => `${m.createdAt.toISOString()}  ${m.status.padEnd(7)}  ${m.toAddress}  ${m.subject}`,
  );
  return ok(lines.join('\n') + '\n');
}

async function jobsRun(env: CommandEnv, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { now: { type: 'string' }, payload: { type: 'string' } },
  });
  const name = positionals[0];
  if (!name) return fail(`jobs run needs a job name: ${env.ctx.queue.names.join(', ')}\n`);
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) return fail(`--now is not an ISO time: ${values.now ?? ''}\n`);
  const payload: unknown = values.payload ? JSON.parse(values.payload) : undefined;
  const ran = await env.ctx.queue.runNow(env.ctx, name, now, payload);
  if (!ran) return fail(`No such job: ${name}. Known: ${env.ctx.queue.names.join(', ')}\n`);
  return ok(`Ran ${name} as of ${now.toISOString()}\n`);
}

async function demo(env: CommandEnv, args: string[]) {
  const { values } = parseArgs({ args, options: { password: { type: 'string' } } });
  const organization = await findOrganizationById(env.ctx.db, env.defaultOrganizationId);
  if (!organization) return fail('No default organization.\n');
  const password = values.password ?? generatePassword();
  if (password.length < 10) return fail('The password must be at least 10 characters.\n');
  const report = await loadDemoData(env.ctx, organization.id, password);
  const shown = values.password
    ? ''
    : `\nPassword for every demo login (shown once): ${password}\n`;
  return ok(report + shown);
}
