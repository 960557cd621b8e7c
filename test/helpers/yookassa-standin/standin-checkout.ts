import type { ApiState } from './standin-api.js';
import { authorizePayment, cancelPayment, succeedPayment } from './standin-objects.js';
import type { Reply } from './standin-requests.js';

export type { Reply } from './standin-requests.js';

/**
 * The stand-in's page behind `confirmation.confirmation_url`: where YooKassa would show its card
 * form or SBP QR code. «Оплатить» pays (or authorises a two-stage payment), «Отказ банка»
 * declines with `insufficient_funds`; both send the person back to the shop's `return_url`.
 */
export function checkoutPage(state: ApiState, method: string, url: URL, text: string): Reply {
  const match = /^\/checkout\/([^/]+)$/.exec(url.pathname);
  const payment = match ? state.payments.get(decodeURIComponent(match[1] ?? '')) : undefined;
  if (!payment) return { status: 404, body: page('Платёж не найден', '') };

  if (method === 'POST') {
    // Read before the move: a final payment no longer carries its confirmation.
    const back = payment.confirmation?.return_url;
    const action = new URLSearchParams(text).get('action');
    if (payment.status === 'pending' && action === 'pay') {
      if (payment.capture) succeedPayment(payment);
      else authorizePayment(payment);
    } else if (payment.status === 'pending' && action === 'decline') {
      cancelPayment(payment, 'insufficient_funds', 'payment_network');
    }
    return back
      ? { status: 303, body: '', headers: { location: back } }
      : { status: 200, body: page('Готово', `<p>Статус: ${payment.status}</p>`) };
  }

  const form =
    payment.status === 'pending'
      ? `<form method="post">
  <button name="action" value="pay">Оплатить</button>
  <button name="action" value="decline">Отказ банка</button>
</form>`
      : `<p>Статус: ${payment.status}</p>`;
  const amount = `${payment.amount.value} ${payment.amount.currency}`;
  return {
    status: 200,
    body: page(
      'ЮKassa (тестовая замена)',
      `<p>${escapeHtml(payment.description ?? '')}</p><p>${amount}</p>${form}`,
    ),
  };
}

function page(title: string, content: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${content}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${String(char.charCodeAt(0))};`);
}
