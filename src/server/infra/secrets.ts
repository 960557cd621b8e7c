import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from './db.js';
import { instanceSecrets } from './secrets.schema.js';

/** Secrets every instance shares; generated once, on the first start against a database. */
export interface InstanceSecrets {
  /** Signs cookies that must not be forged (session cookies are random tokens and need no key). */
  cookieSecret: string;
  /** Signs ALTCHA captcha challenges (src/server/infra/captcha.ts). */
  altchaHmacKey: string;
  /**
   * The VAPID key pair that signs web push (base64url, as `web-push` makes them). Kept with the
   * other instance secrets (in the data folder with PGlite, in the database with PostgreSQL), so
   * every instance signs with the same key and browsers' subscriptions survive restarts.
   */
  vapid: { publicKey: string; privateKey: string };
}

async function getOrCreateSecret(db: Db, name: string, generate: () => string): Promise<string> {
  // Insert-if-absent then read back: instances starting together agree on one value.
  await db.insert(instanceSecrets).values({ name, value: generate() }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, name));
  if (!row) throw new Error(`secret ${name} could not be stored`);
  return row.value;
}

/** Loads the instance secrets, generating any that do not exist yet. */
export async function loadInstanceSecrets(db: Db): Promise<InstanceSecrets> {
  return {
    cookieSecret: await getOrCreateSecret(db, 'cookie_secret', () =>
      randomBytes(32).toString('base64url'),
    ),
    altchaHmacKey: await getOrCreateSecret(db, 'altcha_hmac_key', () =>
      randomBytes(32).toString('base64url'),
    ),
    // One secret for the pair: two instances starting together must not mix halves of two pairs.
    vapid: JSON.parse(
      await getOrCreateSecret(db, 'vapid_keys', () => JSON.stringify(webpush.generateVAPIDKeys())),
    ) as { publicKey: string; privateKey: string },
  };
}
