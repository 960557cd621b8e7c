import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './infra/context.js';
import { healthPlugin } from './infra/health.plugin.js';
import { httpErrorsPlugin } from './infra/http-errors.plugin.js';
import { metricsPlugin } from './infra/metrics.plugin.js';
import { openApiPlugin } from './infra/openapi.plugin.js';
import { securityPlugin } from './infra/security.plugin.js';
import { webPlugin } from './infra/web.plugin.js';
import { accessModule, createGuards } from './modules/access/index.js';
import { notifyModule } from './modules/notify/index.js';
import { smsModule } from './modules/notify/sms/index.js';
import { opsModule } from './modules/ops/index.js';
import { organizationSettingsModule, organizationsPlugin } from './modules/orgs/index.js';
import { recoveryModule } from './modules/recovery/index.js';
import { calendarModule } from './modules/calendar/index.js';
import { helpdeskModule } from './modules/helpdesk/index.js';
import { kbModule } from './modules/kb/index.js';
import { classesModule } from './modules/classes/index.js';
import { billingModule } from './modules/billing/index.js';
import { paymentsModule } from './modules/payments/index.js';
import { trainingModule } from './modules/training/index.js';
import { pushModule } from './modules/notify/push/index.js';

/** Log fields that must never reach the logs. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
];

/**
 * One access-log line per request, written when it completes, with the request's method and
 * URL beside its status: half the log writes of Fastify's incoming/completed pair.
 */
class AccessLogController extends LogController {
  /**
   * The line's fields are the serialized request and reply (method, URL, addresses, status),
   * never headers or bodies, so redaction has nothing to find in them; skipping its walk over
   * every field was a tenth of the cost of a request answered from memory.
   */
  #unredacted: FastifyBaseLogger | null = null;

  /** Fastify's own logger, once the app exists: it carries the req/res serializers. */
  bind(logger: FastifyBaseLogger) {
    this.#unredacted = logger.child({}, { redact: [] });
  }

  override incomingRequest() {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply) {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    // Errors keep the request's own logger: their details may carry anything.
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else (this.#unredacted ?? reply.log).info({ reqId: request.id, ...line }, 'request completed');
  }
}

export interface BuildAppOptions {
  /** Serve the SPA from config.webDistDir (off in API tests). */
  serveWeb?: boolean;
}

/** Builds the HTTP application (no listen): infrastructure plugins, then an explicit module list. */
export async function buildApp(
  ctx: AppContext,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  // Typed as Fastify's base logger so the instance keeps Fastify's default generic types.
  const logger: FastifyBaseLogger = ctx.log;
  const accessLog = new AccessLogController();
  const app = Fastify({
    loggerInstance: logger,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming)
        ? incoming
        : randomUUID();
    },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    logController: accessLog,
  });
  accessLog.bind(app.log);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);

  await app.register(httpErrorsPlugin);
  await app.register(cookie, { secret: ctx.secrets.cookieSecret });
  await app.register(securityPlugin, { config: ctx.config });
  await app.register(metricsPlugin);
  await app.register(openApiPlugin);
  await app.register(healthPlugin, { ctx });
  await app.register(organizationsPlugin, { ctx });

  const guards = createGuards(ctx);
  const modules = [
    accessModule,
    notifyModule,
    smsModule,
    opsModule,
    recoveryModule,
    organizationSettingsModule,
    calendarModule,
    kbModule,
    helpdeskModule,
    classesModule,
    billingModule,
    paymentsModule,
    trainingModule,
    pushModule,
  ];
  for (const module of modules) await app.register(module, { ctx, guards });

  if (options.serveWeb ?? true) await app.register(webPlugin, { distDir: ctx.config.webDistDir });
  return app;
}
