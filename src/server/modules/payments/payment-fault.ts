/**
 * A crash on purpose, for the recovery tests (docs/payments.md, «Crash safety»): with
 * `KABINET_PAYMENTS_FAULT=<point>:kill` the process kills itself with SIGKILL at that point,
 * exactly like a power cut; with `<point>:throw` it throws instead (the in-process variant
 * PGlite tests use, since a killed process would take their database with it). Unset in
 * production, where this is one string comparison.
 */
export type FaultPoint = 'after_provider_answer';

/** Thrown at a fault point in `throw` mode. */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
}

export function faultPoint(point: FaultPoint): void {
  const setting = process.env.KABINET_PAYMENTS_FAULT;
  if (!setting?.startsWith(`${point}:`)) return;
  if (setting.endsWith(':kill')) process.kill(process.pid, 'SIGKILL');
  throw new InjectedFault(point);
}
