import { createChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAPTCHA_TTL_MS,
  createCaptchaChallenge,
  purgeUsedCaptchasJob,
  requireCaptcha,
  verifyCaptcha,
} from '../../src/server/infra/captcha.js';
import { usedCaptchas } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { fetchSolvedCaptcha, quickCaptcha, solveCaptcha } from '../helpers/captcha.js';
import { createOrganization, hostOf } from '../helpers/factories.js';

type Payload = {
  challenge: { parameters: Record<string, unknown>; signature: string };
  solution: { counter: number; derivedKey: string };
};
const decode = (payload: string) =>
  JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
const encode = (payload: Payload) => Buffer.from(JSON.stringify(payload)).toString('base64');

describe('captcha (ALTCHA)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('issues a signed challenge that expires in 10 minutes and is never cached', async () => {
    const organization = await createOrganization(t.ctx);
    const before = Date.now();
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/captcha/challenge',
      headers: { host: hostOf(organization) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const challenge = response.json<Challenge>();
    expect(challenge.parameters.algorithm).toBe('PBKDF2/SHA-256');
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    const expiresAtMs = (challenge.parameters.expiresAt ?? 0) * 1000;
    expect(expiresAtMs).toBeGreaterThanOrEqual(Math.floor((before + CAPTCHA_TTL_MS) / 1000) * 1000);
    expect(expiresAtMs).toBeLessThanOrEqual(Date.now() + CAPTCHA_TTL_MS);
  });

  it('accepts a solution of a challenge from the endpoint once, then refuses the replay', async () => {
    const organization = await createOrganization(t.ctx);
    const payload = await fetchSolvedCaptcha(t.app, hostOf(organization));
    expect(await verifyCaptcha(t.ctx, payload)).toBe(true);
    expect(await verifyCaptcha(t.ctx, payload)).toBe(false);
  });

  it('lets exactly one of two simultaneous submissions of one solution through', async () => {
    const payload = await quickCaptcha(t.ctx);
    const results = await Promise.all([
      verifyCaptcha(t.ctx, payload),
      verifyCaptcha(t.ctx, payload),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('refuses an expired challenge even when correctly solved', async () => {
    const payload = await quickCaptcha(t.ctx, {
      now: new Date(Date.now() - CAPTCHA_TTL_MS - 1000),
    });
    expect(await verifyCaptcha(t.ctx, payload)).toBe(false);
  });

  it('refuses tampered parameters, signatures and solutions', async () => {
    const original = decode(await quickCaptcha(t.ctx));
    const variants: Payload[] = [
      // A later expiry to dodge the time limit.
      {
        ...original,
        challenge: {
          ...original.challenge,
          parameters: { ...original.challenge.parameters, expiresAt: 4_000_000_000 },
        },
      },
      // An easier prefix.
      {
        ...original,
        challenge: {
          ...original.challenge,
          parameters: { ...original.challenge.parameters, keyPrefix: '0' },
        },
      },
      { ...original, challenge: { ...original.challenge, signature: '0'.repeat(64) } },
      // A made-up key. (The counter itself is not checked: the key signature proves the work,
      // and a spent challenge stays spent whatever counter comes with it.)
      { ...original, solution: { ...original.solution, derivedKey: 'ab'.repeat(32) } },
    ];
    for (const variant of variants) expect(await verifyCaptcha(t.ctx, encode(variant))).toBe(false);
    // The untouched solution is still good: the refusals did not spend it.
    expect(await verifyCaptcha(t.ctx, encode(original))).toBe(true);
  });

  it('refuses a challenge signed with another key', async () => {
    const foreign = await createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: 1000,
      counter: 5,
      deriveKey,
      expiresAt: new Date(Date.now() + 60_000),
      hmacSignatureSecret: 'not-this-instance',
    });
    expect(await verifyCaptcha(t.ctx, await solveCaptcha(foreign))).toBe(false);
  });

  it('refuses missing and malformed payloads without throwing', async () => {
    for (const payload of [
      undefined,
      '',
      'not base64 at all',
      encode({} as Payload),
      'x'.repeat(20_000),
    ])
      expect(await verifyCaptcha(t.ctx, payload)).toBe(false);
  });

  it('requireCaptcha throws captcha_required without a payload and captcha_invalid for a bad one', async () => {
    await expect(requireCaptcha(t.ctx, undefined)).rejects.toMatchObject({
      code: 'captcha_required',
    });
    const payload = await quickCaptcha(t.ctx);
    await requireCaptcha(t.ctx, payload);
    await expect(requireCaptcha(t.ctx, payload)).rejects.toMatchObject({
      code: 'captcha_invalid',
    });
  });

  it('the hourly job forgets spent challenges only after they expired', async () => {
    const challenge = await createCaptchaChallenge(t.ctx, { maxCounter: 20 });
    expect(await verifyCaptcha(t.ctx, await solveCaptcha(challenge))).toBe(true);
    const stored = async () =>
      (await t.ctx.db.select().from(usedCaptchas)).some(
        (row) => row.signature === challenge.signature,
      );
    await t.ctx.queue.runNow(t.ctx, purgeUsedCaptchasJob.name, new Date());
    expect(await stored()).toBe(true);
    await t.ctx.queue.runNow(
      t.ctx,
      purgeUsedCaptchasJob.name,
      new Date(Date.now() + CAPTCHA_TTL_MS + 1000),
    );
    expect(await stored()).toBe(false);
  });
});
