import type { SqlExecutor } from '../../infra/db.js';

export interface FailedJobRow {
  id: string;
  name: string;
  data: unknown;
  output: unknown;
  retry_count: number;
  created_on: Date;
  completed_on: Date | null;
}

/**
 * Jobs that failed every retry, newest first. pg-boss's table is not tenant-scoped, so the
 * payload's organizationId scopes it; jobs without one (system jobs) belong to the default org.
 */
export async function listFailedJobs(
  executor: SqlExecutor,
  organizationId: string,
  isDefaultOrganization: boolean,
  limit: number,
): Promise<FailedJobRow[]> {
  const { rows } = await executor.executeSql(
    `select id, name, data, output, retry_count, created_on, completed_on
       from pgboss.job
      where state = 'failed'
        and (data->>'organizationId' = $1 or ($2::boolean and data->>'organizationId' is null))
      order by completed_on desc nulls last
      limit $3`,
    [organizationId, isDefaultOrganization, limit],
  );
  return rows as unknown as FailedJobRow[];
}

/** One failed job of this organization, or null. */
export async function findFailedJob(
  executor: SqlExecutor,
  organizationId: string,
  isDefaultOrganization: boolean,
  name: string,
  id: string,
) {
  const { rows } = await executor.executeSql(
    `select id from pgboss.job
      where name = $1 and id = $2 and state = 'failed'
        and (data->>'organizationId' = $3 or ($4::boolean and data->>'organizationId' is null))`,
    [name, id, organizationId, isDefaultOrganization],
  );
  return rows.length > 0;
}
