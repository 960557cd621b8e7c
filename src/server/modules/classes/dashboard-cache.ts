import { createSerializerCompiler } from 'fastify-type-provider-zod';
import { ZDashboardResponse } from '../../../shared/contracts/cabinet.js';
import type { AppContext } from '../../infra/context.js';
import { cachePerFeed } from '../../infra/read-cache.js';
import { readDashboardView } from './cabinet.service.js';
import type { CabinetViewer } from './student-visibility.js';

// What the clock alone changes (a lesson that has started, the days left to an end date, a new
// local day) is at most this old; what the data changes is dropped as it commits.
const DASHBOARD_TTL_MS = 30_000;

// The route's own serializer: the contract is checked and extra fields dropped, once per read.
const serializeDashboard = createSerializerCompiler({})({
  schema: ZDashboardResponse,
  method: 'GET',
  url: '/api/students/:id/dashboard',
});

const cacheOf = cachePerFeed<string>({ maxEntries: 20_000, ttlMs: DASHBOARD_TTL_MS });

/**
 * The cabinet home as the JSON text the route sends, from this process's memory when the
 * change feed allows (ADR 0010). An entry is per account and student, so the visibility rule
 * is the one the statement applied, and it carries the tags of every row the statement read:
 * the student (enrolments, own subscriptions, links to accounts), the family (shared
 * subscriptions), the groups (lessons) and the organization (settings, time zone, courses,
 * rooms, teachers, subscription types).
 */
export async function dashboardJson(
  ctx: AppContext,
  viewer: CabinetViewer,
  studentId: string,
  now = new Date(),
): Promise<string> {
  const cache = cacheOf(ctx.database.changes);
  const key = `${viewer.organizationId}:${viewer.userId}:${studentId}`;
  const cached = cache.get(key, now.getTime());
  if (cached !== undefined) return cached;
  const ticket = cache.ticket();
  const { dashboard, dependsOn } = await readDashboardView(ctx.db, viewer, studentId, now);
  const json = serializeDashboard(dashboard);
  const tags = [
    `student:${studentId}`,
    `org:${viewer.organizationId}`,
    ...(dependsOn.familyId ? [`family:${dependsOn.familyId}`] : []),
    ...dependsOn.groupIds.map((groupId) => `group:${groupId}`),
  ];
  cache.store(ticket, key, json, tags, now.getTime());
  return json;
}
