import { TOP_UP_MAX_KOPECKS, TOP_UP_MIN_KOPECKS } from '../../../shared/contracts/payments.js';
import { parseMoney } from '../../../shared/money.js';

/**
 * How the amount of a payment is decided:
 * - `fixed` — the server computes it (a debt, a subscription's price); `kopecks` is what the
 *   page expects it to be, null when only the server knows;
 * - `partial` — what is left of a subscription or a course fee: all of it, or a part;
 * - `top_up` — the person types it, within the top-up limits.
 */
export type AmountRule =
  | { kind: 'fixed'; kopecks: number | null }
  | { kind: 'partial'; dueKopecks: number }
  | { kind: 'top_up' };

/** The amount as decided so far: what to send (undefined: the server computes it), what to show. */
export interface ReadAmount {
  send: number | undefined;
  shown: number | null;
  valid: boolean;
}

/**
 * Reads the amount of a payment form: `whole` is the «Всю сумму» choice of a partial rule, `text`
 * the typed rubles of a part or a top-up.
 */
export function readAmount(rule: AmountRule, whole: boolean, text: string): ReadAmount {
  if (rule.kind === 'fixed') return { send: undefined, shown: rule.kopecks, valid: true };
  if (rule.kind === 'partial' && whole) {
    return { send: undefined, shown: rule.dueKopecks, valid: true };
  }
  const kopecks = parseMoney(text);
  const [min, max] =
    rule.kind === 'partial' ? [1, rule.dueKopecks] : [TOP_UP_MIN_KOPECKS, TOP_UP_MAX_KOPECKS];
  if (kopecks === null || kopecks < min || kopecks > max) {
    return { send: undefined, shown: null, valid: false };
  }
  // A "part" equal to everything that is due is simply the whole amount.
  if (rule.kind === 'partial' && kopecks === rule.dueKopecks) {
    return { send: undefined, shown: kopecks, valid: true };
  }
  return { send: kopecks, shown: kopecks, valid: true };
}
