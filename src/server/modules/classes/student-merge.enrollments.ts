import { eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../infra/db.js';
import { enrollments, ledgerEntries, paymentAllocations } from '../../schema.js';

interface Pair {
  keep: string;
  drop: string;
}

/**
 * Moves the duplicate's enrolments to the survivor. Where both were enrolled in the same group
 * over overlapping dates the two become one: the survivor's row takes the union of the dates,
 * the sum of the fees, fee payments and debt lessons (both fees were charged, both payments
 * received), and the duplicate's fee entries, allocations and debt decisions point at it. Returns how many of
 * the duplicate's enrolments moved or merged.
 */
export async function mergeEnrollments(
  tx: Tx,
  survivorId: string,
  duplicateId: string,
): Promise<number> {
  const pairs = await rowsOf<Pair>(
    tx,
    sql`select distinct on (d.id) s.id as keep, d.id as drop
        from enrollments d join enrollments s
          on s.group_id = d.group_id and s.student_id = ${survivorId}
         and s.starts_on <= coalesce(d.ends_on, 'infinity'::date)
         and coalesce(s.ends_on, 'infinity'::date) >= d.starts_on
        where d.student_id = ${duplicateId}
        order by d.id, s.starts_on`,
  );
  for (const pair of pairs) {
    const [drop] = await tx.select().from(enrollments).where(eq(enrollments.id, pair.drop));
    if (!drop) continue;
    await tx
      .update(enrollments)
      .set({
        startsOn: sql`least(${enrollments.startsOn}, ${drop.startsOn}::date)`,
        endsOn: drop.endsOn
          ? sql`case when ${enrollments.endsOn} is null then null
                     else greatest(${enrollments.endsOn}, ${drop.endsOn}::date) end`
          : null,
        feeKopecks:
          drop.feeKopecks === null
            ? sql`${enrollments.feeKopecks}`
            : sql`coalesce(${enrollments.feeKopecks}, 0) + ${drop.feeKopecks}`,
        feePaidKopecks: sql`${enrollments.feePaidKopecks} + ${drop.feePaidKopecks}`,
        debtLessons: sql`${enrollments.debtLessons} + ${drop.debtLessons}`,
      })
      .where(eq(enrollments.id, pair.keep));
    await tx
      .update(ledgerEntries)
      .set({ enrollmentId: pair.keep })
      .where(eq(ledgerEntries.enrollmentId, pair.drop));
    await tx
      .update(paymentAllocations)
      .set({ enrollmentId: pair.keep })
      .where(eq(paymentAllocations.enrollmentId, pair.drop));
    // A debt decision names its enrolment; re-running it undoes that enrolment's debt counter.
    await tx.execute(
      sql`update charges
          set reason_params = jsonb_set(reason_params, '{enrollmentId}', to_jsonb(${pair.keep}::text))
          where student_id = ${duplicateId} and reason_params->>'enrollmentId' = ${pair.drop}`,
    );
  }
  if (pairs.length > 0) {
    await tx.delete(enrollments).where(
      inArray(
        enrollments.id,
        pairs.map((pair) => pair.drop),
      ),
    );
  }
  const moved = await tx
    .update(enrollments)
    .set({ studentId: survivorId })
    .where(eq(enrollments.studentId, duplicateId))
    .returning({ id: enrollments.id });
  return pairs.length + moved.length;
}
