import type { Workload } from '../lib/workload.js';

const PASSWORD = 'correct horse battery staple';

/** Password checks per second at production parameters, without HTTP or a database. */
export const argon2Verify: Workload = {
  name: 'argon2-verify',
  title: 'argon2id verifyPassword (direct)',
  notes:
    'verifyPassword from modules/access/passwords.ts at ARGON2_PARAMS (m=19456 KiB, t=2, p=1), ' +
    '10 concurrent callers; the module runs at most 4 hashes at once, so latency includes the ' +
    'wait for a slot.',
  kind: 'direct',
  concurrency: 10,
  async start() {
    // passwords.ts directly rather than access/index.ts: the bench measures the function alone,
    // without loading the module's routes into the child's memory.
    const { hashPassword, verifyPassword } =
      await import('../../src/server/modules/access/passwords.js');
    const stored = await hashPassword(PASSWORD);
    return {
      async operation() {
        if (!(await verifyPassword(stored, PASSWORD))) throw new Error('password did not verify');
      },
      stop: () => Promise.resolve(),
    };
  },
};
