import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { AppError } from './app-error.js';
import type { AppConfig } from './config.js';
import { staticSecurityHeaders } from './security-headers.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a write comes from our own pages (or from a non-browser client). */
function isSameSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    // Includes the opaque origin "null" of sandboxed frames and file pages.
    return false;
  }
}

/**
 * Helmet with a CSP for the SPA, a CSRF check for cookie-authenticated writes, and rate limits
 * (in memory, or in Redis when REDIS_URL is set so every instance shares the counters).
 */
export const securityPlugin = fp(
  async (app: FastifyInstance, { config }: { config: AppConfig }) => {
    const securityHeaders = staticSecurityHeaders({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine sets CSS variables through style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          frameSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // Emails shown in the console are rendered in sandboxed iframes of our own origin.
      crossOriginEmbedderPolicy: false,
    });
    // Set first, so a route that serves a file can still replace its CSP.
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders);
      done();
    });

    // CSRF: a browser marks cross-site requests with Sec-Fetch-Site (all current browsers) and
    // Origin; SameSite=Lax cookies already stop most, this stops the rest. Clients that send
    // neither header (curl, server-to-server) carry no ambient browser cookies to abuse.
    app.addHook('onRequest', (request, _reply, done) => {
      if (SAFE_METHODS.has(request.method) || isSameSite(request)) done();
      else done(new AppError('cross_site_request'));
    });

    const redis = config.redisUrl
      ? new Redis(config.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1 })
      : undefined;
    if (redis) {
      app.addHook('onClose', async () => {
        await redis.quit();
      });
    }
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      // Static assets are cacheable and cheap; the API is what needs protecting.
      allowList: (request) => !request.url.startsWith('/api/'),
      ...(redis ? { redis, nameSpace: 'kabinet-rl:', skipOnError: true } : {}),
      errorResponseBuilder: (_request, context) => {
        const error = new AppError('rate_limited', {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        });
        return Object.assign(error, { statusCode: 429 });
      },
    });
  },
  { name: 'security' },
);
