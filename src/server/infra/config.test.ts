import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs with no environment at all: embedded database, port 3000, inline worker', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      dataDir: path.resolve('./data'),
      database: { driver: 'pglite', dataDir: path.resolve('./data/pglite') },
      smtpUrl: undefined,
      mailFrom: '"Личный кабинет" <noreply@localhost>',
      logLevel: 'info',
      runWorkerInline: true,
      trustProxy: false,
      rateLimitPerMinute: 300,
    });
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://kabinet@db:5432/kabinet',
      DATABASE_POOL_SIZE: '25',
    });
    expect(config.database).toEqual({
      driver: 'postgres',
      url: 'postgres://kabinet@db:5432/kabinet',
      poolSize: 25,
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/k' }).database.driver).toBe('postgres');
  });

  it('derives the sender from the public URL and drops its trailing slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://lk.school.ru/', PORT: '8080' });
    expect(config.publicUrl).toBe('https://lk.school.ru');
    expect(config.port).toBe(8080);
    expect(config.mailFrom).toBe('"Личный кабинет" <noreply@lk.school.ru>');
  });

  it('reads flags and treats an empty SMTP_URL as none', () => {
    const config = loadConfig({
      TRUST_PROXY: 'yes',
      KABINET_WORKER: 'off',
      SMTP_URL: '',
      KABINET_DATA_DIR: '/var/lib/kabinet',
    });
    expect(config.trustProxy).toBe(true);
    expect(config.runWorkerInline).toBe(false);
    expect(config.smtpUrl).toBeUndefined();
    expect(config.database).toEqual({ driver: 'pglite', dataDir: '/var/lib/kabinet/pglite' });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/kabinet' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'not a url' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'maybe' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
  ])('throws a readable error naming %s when it is invalid', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(/^Invalid configuration:\n/);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^  ${variable}: `, 'm'));
  });

  it('names every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: '-1', DATABASE_POOL_SIZE: '0' })).toThrow(
      /PORT: [^\n]+\n {2}DATABASE_POOL_SIZE: /,
    );
  });
});
