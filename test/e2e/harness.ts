import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Locator,
  type Page,
} from 'playwright-core';
import { REPO_ROOT, spawnServer, waitUntilHealthy } from '../helpers/server-process.js';

/** Where the system Chromium lives (as in scripts/test.mjs); e2e never downloads a browser. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The one-time first-administrator link the server prints on its first start. */
const SETUP_LINK = /\/setup\/[A-Za-z0-9_-]+/;

/** A production server started for one test file, with its own data directory. */
export interface KabinetServer {
  /** e.g. `http://localhost:41234`, no trailing slash. */
  baseUrl: string;
  /** Resolves to `/setup/<token>` once the server has printed the link. */
  setupPath: () => Promise<string>;
  /** Everything the server wrote to stdout and stderr, for failure messages. */
  output: () => string;
  /** The server's data folder (`KABINET_DATA_DIR`). */
  dataDir: string;
  /**
   * Runs `kabinet <args>` against this server's data folder (with embedded PGlite the CLI
   * hands the command to the running server) and resolves with its stdout.
   */
  cli: (...args: string[]) => Promise<string>;
  stop: () => Promise<void>;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts `node scripts/start.mjs` (which builds the web app first when it is stale) on a
 * free port with a fresh data directory, and waits until `GET /healthz` answers 200. `env`
 * adds to the server's environment.
 */
export async function startServer(env: Record<string, string> = {}): Promise<KabinetServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kabinet-e2e-'));
  const server = await spawnServer({ KABINET_DATA_DIR: dataDir, NODE_ENV: 'production', ...env });
  const stop = async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilHealthy(server, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }

  const setupPath = async (): Promise<string> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const match = SETUP_LINK.exec(server.output());
      if (match) return match[0];
      if (Date.now() > deadline) {
        throw new Error(`no setup link in the server output:\n${server.output()}`);
      }
      await delay(200);
    }
  };

  const cli = (...args: string[]) => runCli(dataDir, args);
  return { baseUrl: server.baseUrl, setupPath, output: () => server.output(), dataDir, cli, stop };
}

/** Runs the CLI with the given data folder; rejects with its stderr when it fails. */
export function runCli(dataDir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/kabinet.mjs'), ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, KABINET_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`kabinet ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/**
 * Waits for the newest email to `to` and returns the first link in its text that matches
 * `link`. Reads the outbox through the staff API with a signed-in staff member's browser
 * context (the same view staff have in the console).
 */
export async function linkFromEmail(staff: Journey, to: string, link: RegExp): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await staff.context.request.get('/api/staff/outbox?limit=50');
    if (!list.ok()) throw new Error(`GET /api/staff/outbox: ${list.status()} ${await list.text()}`);
    const { messages } = (await list.json()) as { messages: { id: string; toAddress: string }[] };
    for (const message of messages) {
      if (message.toAddress.toLowerCase() !== to.toLowerCase()) continue;
      const one = await staff.context.request.get(`/api/staff/outbox/${message.id}`);
      const { textBody } = (await one.json()) as { textBody: string };
      const match = link.exec(textBody);
      if (match) return match[0];
    }
    if (Date.now() > deadline)
      throw new Error(`no email to ${to} with a link like ${String(link)}`);
    await delay(300);
  }
}

/** Launches the system Chromium headless; a fresh profile per browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
}

/**
 * A console error the journey provokes on purpose, e.g. Chromium's "Failed to load
 * resource: the server responded with a status of 410" for a refused link.
 */
export interface ExpectedConsoleError {
  /** Matched against the message text. */
  text: RegExp;
  /** Matched against the URL the message is attributed to. */
  url: RegExp;
}

/** A browser page whose console errors and uncaught exceptions are collected. */
export interface Journey {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far, minus the expected ones. */
  errors: string[];
  /** Declares a console error the journey provokes deliberately. */
  expectConsoleError: (expected: ExpectedConsoleError) => void;
  /** Declares an HTTP error status that a request to `url` gets deliberately. */
  expectHttpError: (status: number, url: RegExp) => void;
  close: () => Promise<void>;
}

function isExpected(message: ConsoleMessage, expected: ExpectedConsoleError[]): boolean {
  const url = message.location().url;
  return expected.some((entry) => entry.text.test(message.text()) && entry.url.test(url));
}

/** Opens a new context and page at `baseUrl` settings, collecting every error. */
export async function openJourney(
  browser: Browser,
  baseUrl: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Journey> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: 'ru-RU',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const expected: ExpectedConsoleError[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' || isExpected(message, expected)) return;
    errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    context,
    page,
    errors,
    expectConsoleError: (entry) => expected.push(entry),
    expectHttpError: (status, url) =>
      expected.push({ text: new RegExp(`status of ${status}\\b`), url }),
    close: () => context.close(),
  };
}

/** Waits until the locator is visible (Playwright's auto-waiting, without @playwright/test). */
export async function seen(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}

/** Waits until the locator is hidden or gone. */
export async function unseen(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'hidden' });
}

/** Credentials of the owner created through the setup link. */
export interface Owner {
  displayName: string;
  email: string;
  password: string;
}

/** The owner every journey creates; each test file has its own server and database. */
export const OWNER: Owner = {
  displayName: 'Анна Владимировна',
  email: 'owner@school.example',
  password: 'correct horse battery',
};

/** The accessible name of the one sign-in field. */
export const LOGIN_FIELD = 'Email, телефон или личный код';

/** Signs in through the form at /signin?next=…, and waits to arrive at `next`. */
export async function signIn(
  journey: Journey,
  owner: Pick<Owner, 'email' | 'password'>,
  next = '/',
): Promise<void> {
  const { page } = journey;
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: LOGIN_FIELD }).fill(owner.email);
  await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Войти' }).last().click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Creates the first administrator through the printed link, as a person would. */
export async function createOwner(journey: Journey, server: KabinetServer): Promise<Owner> {
  const { page } = journey;
  await page.goto(await server.setupPath());
  await seen(page.getByRole('heading', { name: 'Первый администратор' }));
  await page.getByRole('textbox', { name: 'Ваше имя' }).fill(OWNER.displayName);
  await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
  await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(OWNER.password);
  await page.getByRole('button', { name: 'Создать и войти' }).click();
  await page.waitForURL((url) => url.pathname === '/console');
  return OWNER;
}

/** A running server, Chromium, and the staff journey signed in as its first administrator. */
export interface Console {
  server: KabinetServer;
  browser: Browser;
  staff: Journey;
}

/** The usual start of a journey file: a fresh server and browser, the owner created in it. */
export async function openConsole(): Promise<Console> {
  const server = await startServer();
  const browser = await launchBrowser();
  const staff = await openJourney(browser, server.baseUrl);
  await createOwner(staff, server);
  return { server, browser, staff };
}

/** Closes what `openConsole` opened (journey, browser, then the server). */
export async function closeConsole({ server, browser, staff }: Console): Promise<void> {
  await staff.close();
  await browser.close();
  await server.stop();
}

/** Path and query of an absolute link (emails and the CLI print absolute ones). */
export function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/**
 * Waits until the outbox holds `count` emails to `to` made from `template` (an email
 * template name such as `email_change_notice`), and returns their ids, newest first.
 */
export async function emailsTo(
  staff: Journey,
  to: string,
  template: string,
  count = 1,
): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await staff.context.request.get('/api/staff/outbox?limit=100');
    if (!list.ok()) throw new Error(`GET /api/staff/outbox: ${list.status()} ${await list.text()}`);
    const { messages } = (await list.json()) as {
      messages: { id: string; toAddress: string; template: string }[];
    };
    const found = messages
      .filter((m) => m.toAddress.toLowerCase() === to.toLowerCase() && m.template === template)
      .map((m) => m.id);
    if (found.length >= count) return found;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} ${template} email(s) to ${to}, found ${found.length}`);
    await delay(300);
  }
}

/**
 * Reads the newest SMS code sent to `phone` (E.164) from the console's SMS page, as staff
 * read it when no SMS gateway is configured. `kind` picks the message by its text (e.g.
 * «Код для смены пароля») when the phone also got SMS without a code, or with a request number
 * that looks like one (`В-000001`).
 */
export async function smsCodeFor(
  staff: Journey,
  phone: string,
  kind?: string | RegExp,
): Promise<string> {
  const { page } = staff;
  await page.goto('/console/sms');
  await seen(page.getByRole('heading', { name: 'SMS' }));
  let messages = page.getByRole('listitem').filter({ hasText: phone });
  if (kind !== undefined) messages = messages.filter({ hasText: kind });
  const message = messages.first();
  await seen(message);
  const code = /\b(\d{6})\b/.exec(await message.innerText())?.[1];
  if (!code) throw new Error(`no 6-digit code in the SMS to ${phone}`);
  return code;
}

/** Opens access through the CLI (`kabinet accounts open …`); resolves with the activation path. */
export async function openAccessByCli(
  server: KabinetServer,
  email: string,
  name: string,
  ...extra: string[]
): Promise<string> {
  const out = await server.cli('accounts', 'open', '--email', email, '--name', name, ...extra);
  const link = /https?:\/\/\S+\/activate\?token=\S+/.exec(out)?.[0];
  if (!link) throw new Error(`no activation link in:\n${out}`);
  return pathOf(link);
}

/** Sets the first password from an activation path, as the invited person does. */
export async function activateAccount(
  journey: Journey,
  activationPath: string,
  password: string,
): Promise<void> {
  const { page } = journey;
  await page.goto(activationPath);
  await page.getByRole('textbox', { name: 'Новый пароль' }).fill(password);
  await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(password);
  await page.getByRole('button', { name: 'Сохранить пароль' }).click();
  await seen(page.getByRole('heading', { name: 'Пароль сохранён' }));
}
