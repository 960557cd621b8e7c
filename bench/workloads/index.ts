import type { Workload } from '../lib/workload.js';
import { appSession } from './app-session.js';
import { argon2Verify } from './argon2-verify.js';
import { classesAttendance, classesAttendanceTwoTeachers } from './classes-attendance.js';
import {
  classesDashboard,
  classesDashboardCached,
  classesDashboardLarge,
  classesDashboardPglite,
} from './classes-dashboard.js';
import { fastifyBare } from './fastify-bare.js';
import { helpdeskAutoClose } from './helpdesk-auto-close.js';
import { helpdeskMyTickets } from './helpdesk-my-tickets.js';
import { helpdeskStaffQueue } from './helpdesk-staff-queue.js';
import { kbSuggest } from './kb-suggest.js';
import { nodeHttp } from './node-http.js';
import { paymentsCreate, paymentsWebhook } from './payments.js';
import { readyzPglite } from './readyz-pglite.js';
import { readyzPostgres } from './readyz-postgres.js';
import { sessionCheck } from './session-check.js';
import { signInHttp, signInHttpPostgres } from './sign-in-http.js';

/** Every workload, in the order they run and appear in the results. Add new ones here. */
export const WORKLOADS: Workload[] = [
  nodeHttp,
  fastifyBare,
  appSession,
  readyzPglite,
  readyzPostgres,
  argon2Verify,
  signInHttp,
  signInHttpPostgres,
  sessionCheck,
  helpdeskMyTickets,
  helpdeskStaffQueue,
  helpdeskAutoClose,
  kbSuggest,
  classesDashboard,
  classesDashboardCached,
  classesDashboardLarge,
  classesAttendance,
  classesAttendanceTwoTeachers,
  classesDashboardPglite,
  paymentsCreate,
  paymentsWebhook,
];
