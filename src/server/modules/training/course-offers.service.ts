import { and, desc, eq } from 'drizzle-orm';
import {
  ZCourseOfferInput,
  type CourseOffer,
  type CourseOfferInput,
  type PublicCourseOffer,
} from '../../../shared/contracts/payments-staff.js';
import { AppError } from '../../infra/app-error.js';
import type { DbOrTx } from '../../infra/db.js';
import { courseOffers, paymentAttempts } from '../../schema.js';
import { recordAudit } from '../access/index.js';

type OfferRow = typeof courseOffers.$inferSelect;

// A training portal sells a handful of courses; the cap keeps the unpaged list bounded.
const MAX_OFFERS = 500;

function present(row: OfferRow): CourseOffer {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    priceKopecks: row.priceKopecks,
    accessDays: row.accessDays,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An offer of this organization (on sale or not), or null. */
export async function findCourseOffer(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(courseOffers)
    .where(and(eq(courseOffers.organizationId, organizationId), eq(courseOffers.id, id)))
    .limit(1);
  return row ?? null;
}

/** The organization's course offers, newest first; `active` filters on sale / off sale. */
export async function listCourseOffers(
  db: DbOrTx,
  organizationId: string,
  active: boolean | undefined,
): Promise<CourseOffer[]> {
  const rows = await db
    .select()
    .from(courseOffers)
    .where(
      and(
        eq(courseOffers.organizationId, organizationId),
        active === undefined ? undefined : eq(courseOffers.active, active),
      ),
    )
    .orderBy(desc(courseOffers.createdAt), desc(courseOffers.id))
    .limit(MAX_OFFERS);
  return rows.map(present);
}

export async function getCourseOffer(db: DbOrTx, organizationId: string, id: string) {
  const row = await findCourseOffer(db, organizationId, id);
  if (!row) throw new AppError('not_found');
  return present(row);
}

/** What anyone may read of an offer before paying; an offer off sale answers not_found. */
export async function getPublicCourseOffer(
  db: DbOrTx,
  organizationId: string,
  id: string,
): Promise<PublicCourseOffer> {
  const row = await findCourseOffer(db, organizationId, id);
  if (!row?.active) throw new AppError('not_found');
  const { title, description, priceKopecks, accessDays } = row;
  return { id: row.id, title, description, priceKopecks, accessDays };
}

/** Adds a course offer (audited). */
export async function createCourseOffer(
  db: DbOrTx,
  organizationId: string,
  actorId: string,
  input: CourseOfferInput,
): Promise<CourseOffer> {
  const values = ZCourseOfferInput.parse(input);
  const [row] = await db
    .insert(courseOffers)
    .values({ organizationId, ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await recordAudit(db, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'training.course_offer.created',
    details: { offerId: row.id, ...values },
  });
  return present(row);
}

/**
 * Changes an offer (audited). Payments already made keep the amount and description they were
 * created with; access they grant uses the offer's access days at the time of payment.
 */
export async function updateCourseOffer(
  db: DbOrTx,
  organizationId: string,
  id: string,
  actorId: string,
  input: CourseOfferInput,
): Promise<CourseOffer> {
  const values = ZCourseOfferInput.parse(input);
  const [row] = await db
    .update(courseOffers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(courseOffers.organizationId, organizationId), eq(courseOffers.id, id)))
    .returning();
  if (!row) throw new AppError('not_found');
  await recordAudit(db, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'training.course_offer.updated',
    details: { offerId: row.id, ...values },
  });
  return present(row);
}

/** Deletes an offer nobody paid for; one with payments is switched off instead (409). */
export async function deleteCourseOffer(
  db: DbOrTx,
  organizationId: string,
  id: string,
  actorId: string,
): Promise<void> {
  const row = await findCourseOffer(db, organizationId, id);
  if (!row) throw new AppError('not_found');
  const [paid] = await db
    .select({ id: paymentAttempts.id })
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.organizationId, organizationId),
        eq(paymentAttempts.purpose, 'course_access'),
        eq(paymentAttempts.targetId, id),
      ),
    )
    .limit(1);
  if (paid) throw new AppError('course_offer_has_payments');
  await db.delete(courseOffers).where(eq(courseOffers.id, id));
  await recordAudit(db, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'training.course_offer.deleted',
    details: { offerId: id, title: row.title },
  });
}
