import type { Journey } from './harness.js';

/** A 1×1 PNG: a real image the server's content check accepts. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Calls the API with the journey's session cookie; throws with the answer unless it is 2xx. */
export async function api<T>(
  journey: Journey,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await journey.context.request.fetch(path, {
    method,
    ...(body === undefined ? {} : { data: body }),
  });
  if (!response.ok())
    throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Staff issue a certificate through the staff API; resolves with the one-time activation code. */
export async function issueCertificate(
  staff: Journey,
  certificate: {
    serial: string;
    product: string;
    level: string;
    validFrom: string;
    validTo: string;
  },
): Promise<string> {
  const issued = await api<{ activationCode: string }>(
    staff,
    'POST',
    '/api/staff/helpdesk/certificates',
    certificate,
  );
  return issued.activationCode;
}

/** Staff publish a knowledge-base article (in a new category) through the staff API. */
export async function publishArticle(
  staff: Journey,
  article: { slug: string; title: string; body: string },
): Promise<void> {
  const category = await api<{ id: string }>(staff, 'POST', '/api/staff/kb/categories', {
    slug: `${article.slug}-category`,
    nameRu: 'Вход и пароль',
    nameEn: 'Sign-in and password',
  });
  await api(staff, 'POST', '/api/staff/kb/articles', {
    slug: article.slug,
    categoryId: category.id,
    ru: { title: article.title, body: article.body },
    publish: true,
  });
}

/** The customer files a ticket through the API (for journeys about what happens next). */
export async function fileTicketByApi(customer: Journey, subject: string): Promise<number> {
  const ticket = await api<{ number: number }>(customer, 'POST', '/api/helpdesk/tickets', {
    certificateId: null,
    type: 'question',
    subject,
    description: `${subject}: подробности для поддержки.`,
  });
  return ticket.number;
}

/** `YYYY-MM-DD` of today plus `days` (UTC; the journeys use dates far from the boundaries). */
export function isoDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
