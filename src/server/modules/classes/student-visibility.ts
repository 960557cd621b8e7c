import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import { AppError } from '../../infra/app-error.js';
import type { Bindable } from '../../infra/prepared.js';

/** Who is asking: the signed-in account in the organization of the request. */
export interface CabinetViewer {
  organizationId: string;
  userId: string;
}

/**
 * The condition "the account may see this student", on a `students` row aliased `alias`:
 * linked in `student_accounts`, cabinet access on, not a merged duplicate, same organization.
 * One definition for every cabinet read, so no endpoint can drift from the rule.
 */
export function visibleTo(alias: SQL, viewer: Bindable<CabinetViewer>): SQL {
  return sql`${alias}.organization_id = ${viewer.organizationId}
    and ${alias}.cabinet_access
    and ${alias}.merged_into_id is null
    and exists (select 1 from student_accounts sa
                where sa.student_id = ${alias}.id
                  and sa.user_id = ${viewer.userId}
                  and sa.organization_id = ${viewer.organizationId})`;
}

/** A student the account may see, as the cabinet needs it. */
export interface VisibleStudent {
  id: string;
  fullName: string;
  familyId: string | null;
  firstVisitAt: Date | string | null;
}

/**
 * The student if the account may see it. Anything else — another organization's id, a
 * duplicate with access off, a merged one, a random uuid — answers the same `not_found`, so
 * ids reveal nothing (never 403).
 */
export async function requireVisibleStudent(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
): Promise<VisibleStudent> {
  const [row] = await rowsOf<VisibleStudent>(
    db,
    sql`select s.id, s.full_name as "fullName", s.family_id as "familyId",
               s.first_visit_at as "firstVisitAt"
        from students s
        where s.id = ${studentId} and ${visibleTo(sql`s`, viewer)}`,
  );
  if (!row) throw new AppError('not_found');
  return row;
}
