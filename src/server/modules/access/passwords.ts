import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id floor: 19 MiB, 2 iterations, 1 lane — set explicitly, never library defaults. */
export const ARGON2_PARAMS = {
  // Algorithm.Argon2id; a const enum, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

// Each hash takes ~19 MiB; capping concurrency bounds memory under a sign-in flood.
const MAX_CONCURRENT_HASHES = 4;
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** NFKC keeps full-width digits and composed letters equal to what the person meant (NIST 800-63B). */
const normalizePassword = (password: string) => password.normalize('NFKC');

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(normalizePassword(password), ARGON2_PARAMS));
}

// A real hash to verify against when the account does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;

/** Verifies `password` against `storedHash`, or against a dummy hash when there is none. */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  dummyHash ??= hashPassword('kabinet-dummy-password-for-timing');
  const target = storedHash ?? (await dummyHash);
  const ok = await withHashSlot(() => verify(target, normalizePassword(password)));
  return storedHash !== null && ok;
}
