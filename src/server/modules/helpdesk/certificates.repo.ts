import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  ilike,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { CertificateStatus } from '../../../shared/contracts/helpdesk-certificates.js';
import type { DbOrTx } from '../../infra/db.js';
import { users } from '../access/access.schema.js';
import type { PageCursor } from '../access/page-cursor.js';
import { expiringWindow } from './certificate-status.js';
import { certificates, supportLevels } from './helpdesk.schema.js';

export type CertificateRow = typeof certificates.$inferSelect;
export type SupportLevelRow = typeof supportLevels.$inferSelect;

const cursorTime = sql<string>`to_char(${certificates.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A certificate with its level and the account it is registered to. */
const withLevelAndOwner = {
  certificate: certificates,
  level: supportLevels,
  owner: { id: users.id, displayName: users.displayName, email: users.email },
  cursorTime,
};

export type CertificateView = {
  certificate: CertificateRow;
  level: SupportLevelRow;
  owner: { id: string; displayName: string; email: string | null } | null;
  cursorTime: string;
};

function selectViews(db: DbOrTx) {
  return db
    .select(withLevelAndOwner)
    .from(certificates)
    .innerJoin(supportLevels, eq(supportLevels.id, certificates.supportLevelId))
    .leftJoin(users, eq(users.id, certificates.userId));
}

export async function findCertificateBySerial(db: DbOrTx, organizationId: string, serial: string) {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.serial, serial)))
    .limit(1);
  return row ?? null;
}

export async function findCertificateView(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await selectViews(db)
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, id)))
    .limit(1);
  return row ?? null;
}

/** A customer's certificates (index `helpdesk_certificates_user`), latest end first. */
export async function listUserCertificates(db: DbOrTx, organizationId: string, userId: string) {
  const rows = await selectViews(db)
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.userId, userId)))
    .orderBy(desc(certificates.validTo), asc(certificates.serial));
  return rows as CertificateView[];
}

/** The SQL condition of a computed status on `today` (see `certificateStatus`). */
function statusCondition(status: CertificateStatus, today: string): SQL | undefined {
  const soon = expiringWindow(today);
  switch (status) {
    case 'expired':
      return lt(certificates.validTo, today);
    case 'not_yet_valid':
      return gt(certificates.validFrom, today);
    case 'expiring_soon':
      return and(
        lte(certificates.validFrom, today),
        gte(certificates.validTo, soon.from),
        lte(certificates.validTo, soon.to),
      );
    case 'valid':
      return and(lte(certificates.validFrom, today), gt(certificates.validTo, soon.to));
  }
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Staff list: newest first, keyset-paginated on (created_at, id). */
export async function listCertificates(
  db: DbOrTx,
  organizationId: string,
  options: {
    serialPrefix: string | null;
    text: string | null;
    status: CertificateStatus | undefined;
    registered: 'yes' | 'no' | undefined;
    levelCode: string | undefined;
    today: string;
    after: PageCursor | null;
    limit: number;
  },
) {
  const { after } = options;
  const search = options.text
    ? or(
        options.serialPrefix
          ? sql`${certificates.serial} like ${`${options.serialPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
          : undefined,
        ilike(certificates.product, likePattern(options.text)),
        ilike(certificates.customerName, likePattern(options.text)),
        ilike(users.displayName, likePattern(options.text)),
        ilike(users.email, likePattern(options.text)),
      )
    : undefined;
  const rows = await selectViews(db)
    .where(
      and(
        eq(certificates.organizationId, organizationId),
        search,
        options.status ? statusCondition(options.status, options.today) : undefined,
        options.registered === 'yes' ? isNotNull(certificates.userId) : undefined,
        options.registered === 'no' ? isNull(certificates.userId) : undefined,
        options.levelCode ? eq(supportLevels.code, options.levelCode) : undefined,
        after
          ? sql`(${certificates.createdAt}, ${certificates.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(certificates.createdAt), desc(certificates.id))
    .limit(options.limit);
  return rows as CertificateView[];
}

export async function findSupportLevelByCode(db: DbOrTx, organizationId: string, code: string) {
  const [row] = await db
    .select()
    .from(supportLevels)
    .where(and(eq(supportLevels.organizationId, organizationId), eq(supportLevels.code, code)))
    .limit(1);
  return row ?? null;
}

export async function listSupportLevels(db: DbOrTx, organizationId: string) {
  return db
    .select()
    .from(supportLevels)
    .where(eq(supportLevels.organizationId, organizationId))
    .orderBy(asc(supportLevels.createdAt), asc(supportLevels.code));
}

/**
 * Registers a certificate to `userId` unless another account holds it: one conditional update,
 * so two people racing for one certificate cannot both win. Null: someone else holds it.
 */
export async function claimCertificate(db: DbOrTx, id: string, userId: string, now: Date) {
  const [row] = await db
    .update(certificates)
    .set({
      userId,
      registeredAt: sql`coalesce(${certificates.registeredAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(
      and(
        eq(certificates.id, id),
        or(isNull(certificates.userId), eq(certificates.userId, userId)),
      ),
    )
    .returning();
  return row ?? null;
}

/** Counts a wrong activation code on a certificate (shown to staff). */
export async function countFailedRegistration(db: DbOrTx, id: string) {
  await db
    .update(certificates)
    .set({ failedRegistrations: sql`${certificates.failedRegistrations} + 1` })
    .where(eq(certificates.id, id));
}

/** Staff gave a new activation code: the old one stops working and the failure count restarts. */
export async function replaceActivationCode(
  db: DbOrTx,
  organizationId: string,
  id: string,
  hash: string,
) {
  const [row] = await db
    .update(certificates)
    .set({ activationCodeHash: hash, failedRegistrations: 0 })
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, id)))
    .returning({ id: certificates.id });
  return row ?? null;
}
