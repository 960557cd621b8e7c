import path from 'node:path';
import { z } from 'zod';
import { resolveStorageConfig, type StorageConfig } from './storage-config.js';

/** Environment variables Kabinet reads; docs/configuration.md lists them for operators. */
const ZEnvironment = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: z.url().optional(),
    KABINET_DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().optional(),
    REDIS_URL: z.string().optional(),
    SMS_URL: z
      .string()
      .regex(/^smsru(\+http)?:\/\/[^@/]+@[^/]+/, 'SMS_URL must look like smsru://<api_id>@sms.ru')
      .optional(),
    PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
    ACTIVATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    S3_URL: z.string().optional(),
    S3_ENDPOINT: z.string().optional(),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    RECOVERY_MAX_FILE_MB: z.coerce.number().min(0.1).max(100).default(10),
    RECOVERY_MAX_FILES: z.coerce.number().int().min(1).max(20).default(5),
    RECOVERY_DOCUMENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    HELPDESK_MAX_FILE_MB: z.coerce.number().min(0.1).max(500).default(20),
    HELPDESK_MAX_FILES: z.coerce.number().int().min(1).max(50).default(10),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    KABINET_WORKER: z.enum(['inline', 'off']).default('inline'),
    /** Keep hot reads (sessions, the cabinet home) in memory, kept true by the change feed. */
    KABINET_READ_CACHE: z.enum(['on', 'off']).default('on'),
    /** `true`, `false`, or the proxies to trust: comma-separated addresses or CIDR ranges. */
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((value): boolean | string[] => {
        const text = value.trim().toLowerCase();
        if (['1', 'true', 'yes', 'on'].includes(text)) return true;
        if (['', '0', 'false', 'no', 'off'].includes(text)) return false;
        return text
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean);
      })
      .pipe(
        z.union([
          z.boolean(),
          z.array(
            z
              .string()
              .regex(
                /^[0-9a-f.:]+(\/\d{1,3})?$/,
                'expected true, false or IP addresses / CIDR ranges',
              ),
          ),
        ]),
      ),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    SESSION_IDLE_HOURS: z.coerce.number().min(0.1).default(12),
    SESSION_REMEMBER_DAYS: z.coerce.number().min(1).default(30),
    SESSION_MAX_DAYS: z.coerce.number().min(1).default(90),
    /** Which provider takes online payments: the built-in sandbox (default) or YooKassa. */
    PAYMENT_PROVIDER: z.enum(['sandbox', 'yookassa']).default('sandbox'),
    YOOKASSA_SHOP_ID: z.string().optional(),
    YOOKASSA_SECRET_KEY: z.string().optional(),
    YOOKASSA_API_URL: z.url().default('https://api.yookassa.ru/v3'),
    /**
     * Where YooKassa's notifications may come from (its documented ranges); comma-separated
     * addresses or CIDR ranges. A notification is only a hint either way: the payment is re-fetched.
     */
    YOOKASSA_WEBHOOK_ALLOWED_IPS: z
      .string()
      .default(
        '185.71.76.0/27,185.71.77.0/27,77.75.153.0/25,77.75.156.11,77.75.156.35,77.75.154.128/25,2a02:5180::/32',
      )
      .transform((value) =>
        value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      ),
    /** VAT code of 54-FZ receipt items (1: без НДС … 6: 20/120); tuition is usually VAT-free. */
    RECEIPT_VAT_CODE: z.coerce.number().int().min(1).max(12).default(1),
    /** The contact in VAPID tokens (`mailto:` or `https:`); defaults to the mail sender's domain. */
    VAPID_SUBJECT: z.string().optional(),
  })
  .superRefine((env, context) => {
    // Fail at start-up, not when the first person pays.
    if (env.PAYMENT_PROVIDER !== 'yookassa') return;
    for (const name of ['YOOKASSA_SHOP_ID', 'YOOKASSA_SECRET_KEY'] as const) {
      if (!env[name]) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: 'required when PAYMENT_PROVIDER=yookassa',
        });
      }
    }
  });

export type DatabaseConfig =
  { driver: 'pglite'; dataDir: string } | { driver: 'postgres'; url: string; poolSize: number };

/** Validated runtime configuration; built once per process (or per test app). */
export interface AppConfig {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  database: DatabaseConfig;
  smtpUrl: string | undefined;
  mailFrom: string;
  redisUrl: string | undefined;
  /** SMS gateway (`smsru://<api_id>@sms.ru`); without it SMS stay in the SMS outbox (`stored`). */
  smsUrl: string | undefined;
  /** How long a password-reset link stays valid. */
  passwordResetTtlMinutes: number;
  /** How long invitation links and access-sheet activation codes work. */
  activationTtlDays: number;
  /** Uploaded files: `<dataDir>/files`, or an S3-compatible bucket (`S3_*`). */
  storage: StorageConfig;
  /** Account-recovery requests: upload limits and how long documents are kept after a decision. */
  recovery: { maxFileBytes: number; maxFiles: number; documentRetentionDays: number };
  /** Help-desk attachments: size of one file and files per ticket or reply. */
  helpdesk: { maxFileBytes: number; maxFiles: number };
  logLevel: z.infer<typeof ZEnvironment>['LOG_LEVEL'];
  runWorkerInline: boolean;
  /** Serve hot reads from memory while the change feed is live (ADR 0010). */
  readCache: boolean;
  /**
   * Whose X-Forwarded-For to believe: nobody (false), everybody (true, only behind a proxy that
   * overwrites it), or the listed proxies. Client addresses drive rate limits and the captcha.
   */
  trustProxy: boolean | string[];
  rateLimitPerMinute: number;
  sessions: {
    /** A session without requests for this long ends (without "remember me"). */
    idleMs: number;
    /** The idle timeout with "remember me". */
    rememberMs: number;
    /** No session lives longer than this, however active. */
    maxMs: number;
  };
  /** Where the built SPA lives; served by Fastify when present. */
  webDistDir: string;
  /** Online payments (docs/payments.md). */
  payments: {
    provider: 'sandbox' | 'yookassa';
    yookassa: {
      shopId: string | undefined;
      secretKey: string | undefined;
      apiUrl: string;
      webhookAllowedIps: string[];
    };
    receiptVatCode: number;
  };
  /** The `sub` claim of VAPID tokens for web push. */
  vapidSubject: string;
}

/** Reads the environment; throws a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ZEnvironment.safeParse(env);
  if (!parsed.success) {
    // The variable's name only: list settings report their element index in the message path.
    const lines = parsed.error.issues.map(
      (issue) => `  ${String(issue.path[0])}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.KABINET_DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir,
    database: e.DATABASE_URL
      ? { driver: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM ?? `"Личный кабинет" <noreply@${new URL(publicUrl).hostname}>`,
    redisUrl: e.REDIS_URL || undefined,
    smsUrl: e.SMS_URL || undefined,
    passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
    activationTtlDays: e.ACTIVATION_TTL_DAYS,
    storage: resolveStorageConfig(e, dataDir),
    recovery: {
      maxFileBytes: Math.round(e.RECOVERY_MAX_FILE_MB * 1024 * 1024),
      maxFiles: e.RECOVERY_MAX_FILES,
      documentRetentionDays: e.RECOVERY_DOCUMENT_RETENTION_DAYS,
    },
    helpdesk: {
      maxFileBytes: Math.round(e.HELPDESK_MAX_FILE_MB * 1024 * 1024),
      maxFiles: e.HELPDESK_MAX_FILES,
    },
    logLevel: e.LOG_LEVEL,
    runWorkerInline: e.KABINET_WORKER === 'inline',
    readCache: e.KABINET_READ_CACHE === 'on',
    trustProxy: e.TRUST_PROXY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    sessions: {
      idleMs: e.SESSION_IDLE_HOURS * 3600_000,
      rememberMs: e.SESSION_REMEMBER_DAYS * 86_400_000,
      maxMs: e.SESSION_MAX_DAYS * 86_400_000,
    },
    webDistDir: path.resolve(import.meta.dirname, '../../../dist/web'),
    payments: {
      provider: e.PAYMENT_PROVIDER,
      yookassa: {
        shopId: e.YOOKASSA_SHOP_ID || undefined,
        secretKey: e.YOOKASSA_SECRET_KEY || undefined,
        apiUrl: e.YOOKASSA_API_URL.replace(/\/$/, ''),
        webhookAllowedIps: e.YOOKASSA_WEBHOOK_ALLOWED_IPS,
      },
      receiptVatCode: e.RECEIPT_VAT_CODE,
    },
    vapidSubject: e.VAPID_SUBJECT ?? `mailto:noreply@${new URL(publicUrl).hostname}`,
  };
}
