import { createHash, randomBytes } from 'node:crypto';

/** A random 256-bit token for cookies and one-time links (base64url). */
export const generateToken = () => randomBytes(32).toString('base64url');

/** Only this digest is stored, so a database leak does not leak usable tokens. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
