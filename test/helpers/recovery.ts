import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../src/server/infra/config.js';
import type { AppContext } from '../../src/server/infra/context.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { mailOutbox } from '../../src/server/schema.js';
import { quickCaptcha } from './captcha.js';
import { hostOf } from './factories.js';

/** The smallest files `file-type` recognises as each allowed type. */
export const SAMPLE_FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n'),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    Buffer.alloc(64),
  ]),
};

/** A private storage folder and small limits, so limit tests stay fast. */
export function recoveryTestConfig(): { config: Partial<AppConfig>; storageDir: string } {
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-recovery-test-'));
  return {
    storageDir,
    config: {
      storage: { driver: 'local', dir: storageDir },
      recovery: { maxFileBytes: 64 * 1024, maxFiles: 2, documentRetentionDays: 30 },
    },
  };
}

/** Every file under `dir` (relative paths). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((entry) =>
      entry.isFile() ? [path.relative(dir, path.join(entry.parentPath, entry.name))] : [],
    );
}

export interface RecoveryForm {
  fields?: Record<string, string>;
  files?: { name: string; content: Buffer; type?: string }[];
  /** A solved captcha is added unless this is false. */
  captcha?: boolean;
}

// Submissions are rate-limited per client address; each organization posts from its own.
const addresses = new Map<string, string>();
export function addressOf(organization: Organization): string {
  let address = addresses.get(organization.id);
  if (!address) {
    address = `10.9.${Math.floor(addresses.size / 250)}.${(addresses.size % 250) + 1}`;
    addresses.set(organization.id, address);
  }
  return address;
}

/** POST /api/recovery-requests as multipart/form-data. */
export async function postRecoveryRequest(
  app: FastifyInstance,
  ctx: AppContext,
  organization: Organization,
  form: RecoveryForm = {},
) {
  const data = new FormData();
  const fields = {
    fullName: 'Иванова Мария Петровна',
    newEmail: `new-${Math.random().toString(36).slice(2)}@example.com`,
    description: 'Потеряла доступ к старой почте, телефон сменился.',
    ...(form.captcha === false ? {} : { captcha: await quickCaptcha(ctx) }),
    ...form.fields,
  };
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const file of form.files ?? [{ name: 'passport.pdf', content: SAMPLE_FILES.pdf }])
    data.append(
      'documents',
      new Blob([file.content], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  return app.inject({
    method: 'POST',
    url: '/api/recovery-requests',
    headers: { host: hostOf(organization) },
    remoteAddress: addressOf(organization),
    payload: data,
  });
}

/** The newest email of `template` to `address` in the organization's outbox. */
export async function lastEmail(
  ctx: AppContext,
  organization: Organization,
  template: string,
  address: string,
) {
  const rows = await ctx.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.organizationId, organization.id),
        eq(mailOutbox.template, template),
        eq(mailOutbox.toAddress, address),
      ),
    );
  return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
}

/** The `token` query parameter of the first link in a text email that contains `marker`. */
export function tokenFrom(text: string, marker: string): string {
  const match = new RegExp(`${marker}\\S*[?&]token=([\\w-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${marker} link in:\n${text}`);
  return match[1];
}
