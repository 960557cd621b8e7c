import { formatMoney } from '../../../../../shared/money.js';
import { formatCardNumber, TEST_CARDS } from './sandbox.cards.js';
import type { CardFormErrors, CardFormInput, SandboxDelivery } from './sandbox.checkout.js';
import { html, type Html } from './sandbox.layout.js';
import { PAGE_TEXTS, reasonText, type PageLocale } from './sandbox.texts.js';
import type { SandboxPaymentRow } from './sandbox.wire.js';

/** The bodies of the sandbox's pages (card form, 3-D Secure, СБП, result, not found). */

const DELIVERIES: SandboxDelivery[] = ['normal', 'duplicate', 'out_of_order', 'none'];

export interface PageContext {
  payment: SandboxPaymentRow;
  locale: PageLocale;
  /** The organization's name, shown as the shop. */
  merchant: string;
}

function summary({ payment, locale, merchant }: PageContext): Html {
  const t = PAGE_TEXTS[locale];
  return html`<dl class="summary">
    <dt>${t.merchant}</dt>
    <dd>${merchant}</dd>
    <dt>${t.purpose}</dt>
    <dd>${payment.description}</dd>
    <dt>${t.amount}</dt>
    <dd class="amount" data-testid="amount">${formatMoney(payment.amountKopecks, locale)}</dd>
  </dl>`;
}

function hiddenLocale(locale: PageLocale): Html {
  return html`<input type="hidden" name="lang" value="${locale}" />`;
}

function deliverySelect(locale: PageLocale, selected: SandboxDelivery): Html {
  const t = PAGE_TEXTS[locale];
  const options = DELIVERIES.map(
    (value) =>
      html`<option value="${value}" ${value === selected ? html` selected` : ''}>
        ${t.delivery[value]}
      </option>`,
  );
  return html`<details${selected !== 'normal' ? html` open` : ''}>
<summary>${t.settingsSummary}</summary>
<label for="delivery">${t.deliveryLabel}</label>
<select id="delivery" name="delivery" aria-describedby="delivery-hint">${options}</select>
<p class="hint" id="delivery-hint">${t.deliveryHint}</p>
</details>`;
}

function testCardsTable(locale: PageLocale): Html {
  const t = PAGE_TEXTS[locale];
  const rows = TEST_CARDS.map(
    (card) =>
      html`<tr>
        <td>
          <span class="number">${formatCardNumber(card.number)}</span><br /><span class="hint"
            >${card.brand === 'Mir' ? 'МИР' : card.brand}</span
          >
        </td>
        <td>${t.outcome(card.outcome)}</td>
      </tr>`,
  );
  return html`<section class="card" aria-labelledby="test-cards">
    <h2 id="test-cards">${t.testCardsHeading}</h2>
    <p class="hint">${t.testCardsNote}</p>
    <table>
      <thead>
        <tr>
          <th scope="col">${t.cardColumn}</th>
          <th scope="col">${t.outcomeColumn}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </section>`;
}

function leaveUnpaid({ payment, locale }: PageContext): Html {
  return html`<a class="button secondary" href="${payment.returnUrl}"
    >${PAGE_TEXTS[locale].leaveUnpaid}</a
  >`;
}

function field(
  id: keyof CardFormInput,
  label: string,
  attributes: Html,
  value: string,
  error: string | undefined,
  autofocus: boolean,
): Html {
  return html`<label for="${id}">${label}</label>
    <input
      id="${id}"
      name="${id}"
      value="${value}"
      ${attributes}${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}${autofocus ? html` autofocus` : ''}
    />
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}`;
}

/** The card form, with the test cards listed under it. */
export function cardFormBody(
  page: PageContext,
  form: { values?: Partial<CardFormInput>; errors?: CardFormErrors; delivery: SandboxDelivery },
): Html {
  const { payment, locale } = page;
  const t = PAGE_TEXTS[locale];
  const errors = form.errors ?? {};
  const message = (key: keyof CardFormInput) => {
    const code = errors[key];
    return code ? t.fieldErrors[code] : undefined;
  };
  const firstInvalid = (['number', 'expiry', 'cvc', 'holder'] as const).find((key) => errors[key]);
  const values = form.values ?? {};
  return html`<section class="card" aria-labelledby="heading">
      <h1 id="heading">${t.cardHeading}</h1>
      ${summary(page)}
      <form method="post" action="/sandbox/pay/${payment.id}/card" novalidate>
        ${firstInvalid ? html`<p class="alert" role="alert">${t.formHasErrors}</p>` : ''}
        ${hiddenLocale(locale)}
        ${field('number', t.cardNumber, html`inputmode="numeric" autocomplete="cc-number" maxlength="23" placeholder="0000 0000 0000 0000" required`, values.number ?? '', message('number'), firstInvalid === 'number')}
        <div class="row">
          <div>
            ${field('expiry', t.expiry, html`inputmode="numeric" autocomplete="cc-exp" maxlength="7" placeholder="12/30" required`, values.expiry ?? '', message('expiry'), firstInvalid === 'expiry')}
          </div>
          <div>
            ${field('cvc', t.cvc, html`inputmode="numeric" autocomplete="cc-csc" maxlength="3" type="password" required`, '', message('cvc'), firstInvalid === 'cvc')}
          </div>
        </div>
        ${field('holder', t.holder, html`autocomplete="cc-name" maxlength="60" autocapitalize="characters"`, values.holder ?? '', message('holder'), firstInvalid === 'holder')}
        ${deliverySelect(locale, form.delivery)}
        <button type="submit">${t.pay} ${formatMoney(payment.amountKopecks, locale)}</button>
      </form>
      ${leaveUnpaid(page)}
    </section>
    ${testCardsTable(locale)}`;
}

/** The bank's 3-D Secure page. */
export function threeDsBody(page: PageContext): Html {
  const { payment, locale } = page;
  const t = PAGE_TEXTS[locale];
  return html`<section class="card" aria-labelledby="heading">
    <h1 id="heading">${t.threeDsHeading}</h1>
    ${summary(page)}
    <p>${t.threeDsText(payment.cardLast4 ?? '')}</p>
    <form method="post" action="/sandbox/pay/${payment.id}/3ds">
      ${hiddenLocale(locale)}
      <label for="code">${t.threeDsCode}</label>
      <input
        id="code"
        name="code"
        inputmode="numeric"
        autocomplete="one-time-code"
        maxlength="10"
        aria-describedby="code-hint"
        required
        autofocus
      />
      <p class="hint" id="code-hint">${t.threeDsHint}</p>
      <button type="submit">${t.confirm}</button>
    </form>
  </section>`;
}

/** The СБП page: a QR code of this page and the bank app's two answers. */
export function sbpBody(page: PageContext, qrDataUrl: string, delivery: SandboxDelivery): Html {
  const { payment, locale } = page;
  const t = PAGE_TEXTS[locale];
  return html`<section class="card" aria-labelledby="heading">
    <h1 id="heading">${t.sbpHeading}</h1>
    ${summary(page)}
    <img class="qr" src="${qrDataUrl}" alt="${t.qrAlt}" width="220" height="220" />
    <p>${t.sbpText}</p>
    <form method="post" action="/sandbox/pay/${payment.id}/sbp">
      ${hiddenLocale(locale)} ${deliverySelect(locale, delivery)}
      <button type="submit" name="answer" value="pay">${t.sbpPay}</button>
      <button type="submit" name="answer" value="refuse" class="secondary">${t.sbpRefuse}</button>
    </form>
    ${leaveUnpaid(page)}
  </section>`;
}

/** The outcome, with the way back to the shop (the payment's return URL). */
export function resultBody(page: PageContext): Html {
  const { payment, locale } = page;
  const t = PAGE_TEXTS[locale];
  const paidWith =
    payment.method === 'sbp' ? 'СБП' : payment.cardLast4 ? `*${payment.cardLast4}` : null;
  const heading =
    payment.status === 'succeeded'
      ? html`<h1 id="heading" class="status-ok">${t.resultSucceeded}</h1>
          <p>${t.resultSucceededText}</p>`
      : payment.status === 'waiting_for_capture'
        ? html`<h1 id="heading" class="status-ok">${t.resultAuthorised}</h1>
            <p>${t.resultAuthorisedText}</p>`
        : html`<h1 id="heading" class="status-fail">${t.resultCanceled}</h1>
            <p data-testid="reason">${reasonText(payment.cancellationReason ?? '', locale)}</p>
            <p class="hint">${t.reasonCode}: <code>${payment.cancellationReason}</code></p>`;
  return html`<section class="card" aria-labelledby="heading" data-status="${payment.status}">
    <div role="status">${heading}</div>
    ${summary(page)} ${paidWith ? html`<p class="hint">${t.paidWith}: ${paidWith}</p>` : ''}
    <a class="button" href="${payment.returnUrl}">${t.backToShop}</a>
  </section>`;
}

export function notFoundBody(locale: PageLocale): Html {
  const t = PAGE_TEXTS[locale];
  return html`<section class="card" aria-labelledby="heading">
    <h1 id="heading">${t.notFoundTitle}</h1>
    <p>${t.notFoundText}</p>
  </section>`;
}
