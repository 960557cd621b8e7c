/**
 * What the help-desk workloads share: which database they run on, starting Kabinet on it with
 * the generated data, and signed-in sessions with fixed cookie tokens (only their SHA-256 is
 * stored, as in production). Not a workload itself.
 */
import { createHash } from 'node:crypto';
import type { WorkloadResources } from '../lib/workload.js';

/** Fixed cookie tokens, so the orchestrator can send them without asking the child. */
export const BENCH_TOKENS = {
  busyCustomer: 'bench-helpdesk-busy-customer-0123456789abcdefghijklmn',
  typicalCustomer: 'bench-helpdesk-typical-customer-0123456789abcdefghij',
  staff: 'bench-helpdesk-staff-0123456789abcdefghijklmnopqrstuvwx',
} as const;

export const cookieOf = (token: string) => ({ cookie: `kabinet_session=${token}` });

/** The uuid the generator gives `label` (see `uuidOf` in bench/lib/helpdesk-data.ts). */
export function benchId(label: string): string {
  const hex = createHash('md5').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * A prepared database named by `BENCH_HELPDESK_DATABASE` (full size, made once with
 * `bench/lib/helpdesk-data.ts`), else the run's throwaway database.
 */
export async function helpdeskDatabaseUrl(resources: WorkloadResources): Promise<string | null> {
  const prepared = process.env.BENCH_HELPDESK_DATABASE;
  if (!prepared) return resources.postgresUrl;
  const { BENCH_DATABASE_PREFIX, BENCH_POSTGRES_ADMIN_URL } = await import('../lib/postgres.js');
  if (!/^[a-z0-9_]+$/.test(prepared) || !prepared.startsWith(BENCH_DATABASE_PREFIX))
    throw new Error(`BENCH_HELPDESK_DATABASE must start with ${BENCH_DATABASE_PREFIX}`);
  const url = new URL(BENCH_POSTGRES_ADMIN_URL);
  url.pathname = `/${prepared}`;
  return url.toString();
}

/** Kabinet on the help-desk data, with the three bench sessions in place. */
export async function startHelpdeskKabinet(resources: WorkloadResources) {
  const url = await helpdeskDatabaseUrl(resources);
  if (!url) throw new Error('the help-desk workloads need PostgreSQL');
  const { startKabinet } = await import('../lib/kabinet.js');
  const { ensureHelpdeskData, benchTicketCount } = await import('../lib/helpdesk-data.js');
  const { hashToken } = await import('../../src/server/modules/access/tokens.js');
  const { sql } = await import('drizzle-orm');
  const server = await startKabinet({ postgresUrl: url });
  try {
    const organizationId = server.runtime.defaultOrganization.id;
    const dataset = await ensureHelpdeskData(url, organizationId, benchTicketCount());
    const sessions = [
      [BENCH_TOKENS.busyCustomer, dataset.busyCustomerId],
      [BENCH_TOKENS.typicalCustomer, dataset.typicalCustomerId],
      [BENCH_TOKENS.staff, dataset.staffIds[0] ?? ''],
    ] as const;
    for (const [token, userId] of sessions) {
      await server.runtime.ctx.db.execute(sql`
        insert into sessions (organization_id, user_id, token_hash, expires_at)
        values (${organizationId}, ${userId}, ${hashToken(token)}, now() + interval '1 day')
        on conflict (token_hash) do update
          set expires_at = excluded.expires_at, ended_at = null, ended_reason = null`);
    }
    return { server, dataset, url };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * The help desk's targets from one run's results: suggest p99 ≤ 25 ms (100k articles), the
 * customer list and the staff queue p99 ≤ 30 ms (at 2M tickets when `BENCH_HELPDESK_DATABASE`
 * names the full data set), each saturated and paced at half of that rate.
 */
export function helpdeskTargets(
  results: readonly import('../lib/report.js').WorkloadResult[],
): string[] {
  const targets = [
    ['kb-suggest', 25],
    ['helpdesk-my-tickets', 30],
    ['helpdesk-staff-queue', 30],
  ] as const;
  return targets.flatMap(([name, limit]) =>
    results
      .filter((row) => row.status === 'ok' && row.latencyMs && row.name.split('@')[0] === name)
      .map((row) => {
        const p99 = row.latencyMs?.p99 ?? 0;
        const load = row.name.includes('@') ? `paced ${row.name.split('@')[1] ?? ''}` : 'saturated';
        return `helpdesk: ${name} (${load}, ${Math.round(row.perSecond ?? 0)}/s) p99 ${p99.toFixed(2)} ms (target ≤ ${String(limit)} ms: ${p99 <= limit ? 'met' : 'NOT met'})`;
      }),
  );
}
