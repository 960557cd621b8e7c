/** One SMS to send: an E.164 number and the text. */
export interface SmsMessage {
  to: string;
  text: string;
}

/** An SMS gateway. `send` resolves when the gateway accepted the message, and throws otherwise. */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerMessageId: string | null }>;
}

/** The gateway refused a message or could not be reached; the message says why (no secrets). */
export class SmsGatewayError extends Error {
  override readonly name = 'SmsGatewayError';
}

const REQUEST_TIMEOUT_MS = 15_000;

interface SmsRuResponse {
  status?: string;
  status_code?: number;
  status_text?: string;
  sms?: Record<
    string,
    { status?: string; status_code?: number; status_text?: string; sms_id?: string }
  >;
}

/**
 * SMS.ru's documented HTTP API (https://sms.ru/api/send): `GET /sms/send?api_id&to&msg&json=1`,
 * answering `{status:"OK", sms:{<phone>:{status:"OK", sms_id}}}` or `{status:"ERROR",
 * status_code, status_text}`; a per-number refusal has the same fields under `sms.<phone>`.
 */
export function createSmsRuProvider(options: {
  apiId: string;
  /** `https://sms.ru` in production; a local stand-in in tests. */
  baseUrl: string;
  /** An approved sender name, if the account has one. */
  from?: string | undefined;
}): SmsProvider {
  return {
    name: 'sms.ru',
    async send(message) {
      const to = message.to.replace(/^\+/, '');
      const query = new URLSearchParams({
        api_id: options.apiId,
        to,
        msg: message.text,
        json: '1',
      });
      if (options.from) query.set('from', options.from);
      let response: Response;
      try {
        response = await fetch(`${options.baseUrl}/sms/send?${query.toString()}`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        // The request URL carries the api_id: report the cause only.
        const cause = error instanceof Error ? error.message : String(error);
        throw new SmsGatewayError(`SMS.ru unreachable: ${cause}`);
      }
      if (!response.ok) throw new SmsGatewayError(`SMS.ru answered HTTP ${response.status}`);
      const body = (await response.json().catch(() => ({}))) as SmsRuResponse;
      if (body.status !== 'OK') {
        throw new SmsGatewayError(
          `SMS.ru error ${body.status_code ?? '?'}: ${body.status_text ?? 'no description'}`,
        );
      }
      const result = body.sms?.[to];
      if (result?.status !== 'OK') {
        throw new SmsGatewayError(
          `SMS.ru refused ${to}: ${result?.status_code ?? '?'} ${result?.status_text ?? ''}`.trim(),
        );
      }
      return { providerMessageId: result.sms_id ?? null };
    },
  };
}

/**
 * The provider configured by `SMS_URL`, or null (development sink: SMS stay in the outbox).
 * `smsru://<api_id>@sms.ru[?from=<sender>]` talks HTTPS to that host;
 * `smsru+http://<api_id>@127.0.0.1:<port>` plain HTTP (a local stand-in for tests).
 */
export function createSmsProvider(smsUrl: string | undefined): SmsProvider | null {
  if (!smsUrl) return null;
  const url = new URL(smsUrl);
  const apiId = decodeURIComponent(url.username);
  if (!['smsru:', 'smsru+http:'].includes(url.protocol) || !apiId || !url.host) {
    throw new Error('SMS_URL must look like smsru://<api_id>@sms.ru');
  }
  const scheme = url.protocol === 'smsru+http:' ? 'http' : 'https';
  return createSmsRuProvider({
    apiId,
    baseUrl: `${scheme}://${url.host}`,
    from: url.searchParams.get('from') ?? undefined,
  });
}
