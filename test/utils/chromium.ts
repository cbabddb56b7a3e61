import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { TestApp, TestAppOptions } from './create-test-app';

// What the Chromium e2e files share: the app and the browser they start, pages that collect script errors,
// signing in through the form, screenshots (test-artifacts/screenshots/, docs/images/ with UPDATE_DOC_IMAGES=1).

/** Debian's Chromium (scripts/ensure-deps.sh installs it), driven by playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with its own profile in `profileDir`, downloads accepted. */
export function launchChromium(profileDir: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-deps.sh (apt-get install chromium)`);
  return chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, acceptDownloads: true, viewport });
}

/** Where the browser tests put screenshots, and the docs images UPDATE_DOC_IMAGES=1 refreshes. */
export const SCREENSHOTS_DIR = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');
export const DOCS_IMAGES_DIR = join(__dirname, '..', '..', 'docs', 'images');

/** A page of `context` at `viewport` whose script errors are collected into `errors`. */
export async function openPage(context: BrowserContext, errors: string[], viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

export function prepareScreenshotDirs(): void {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
}

/** The whole app (TestApp) and a headless Chromium with a profile of its own; close() stops both. */
export interface BrowserApp {
  t: TestApp;
  context: BrowserContext;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

export async function startBrowserApp(opts: TestAppOptions): Promise<BrowserApp> {
  prepareScreenshotDirs();
  const t = await TestApp.start(opts);
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  const profileDir = mkdtempSync(join(tmpdir(), 'nhiemvu-chromium-'));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await t.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    context = await launchChromium(profileDir);
  } catch (err) {
    await close();
    throw err;
  }
  return { t, context, base, close };
}

/**
 * Signs in through the login page, from no session: the context's pages share cookies, and the tab's stored
 * session is cleared too (one sign-in per browser: whoever was signed in before is signed out).
 */
export async function signInAs(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.context().clearCookies();
  if (page.url().startsWith(base)) await page.evaluate('sessionStorage.clear()');
  await page.goto(`${base}/app/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#site-header').waitFor({ state: 'visible' });
}

/**
 * A screenshot under test-artifacts/screenshots; with UPDATE_DOC_IMAGES=1 also docs/images/`docsName`. Of the
 * whole page, or of `target`: an element, or `{ fullPage: false }` for the viewport only.
 */
export async function screenshot(page: Page, name: string, docsName?: string, target: Locator | { fullPage: boolean } = { fullPage: true }): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = join(SCREENSHOTS_DIR, `${name}.png`);
  if ('fullPage' in target) await page.screenshot({ path: file, fullPage: target.fullPage });
  else await target.screenshot({ path: file });
  if (docsName && process.env.UPDATE_DOC_IMAGES === '1') copyFileSync(file, join(DOCS_IMAGES_DIR, docsName));
}

/** Fails the test, naming `what`, when the page scrolls sideways (the phone checks at 390 px). */
export async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const [scroll, client] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
  expect({ what, fits: scroll <= client, scroll, client }).toEqual({ what, fits: true, scroll, client });
}
