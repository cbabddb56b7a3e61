import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, chromium, Locator, Page } from 'playwright-core';

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

/** Signs in through the login page, from no session (the context's pages share cookies). */
export async function signInAs(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/app/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#site-header').waitFor({ state: 'visible' });
}

/** A screenshot (the page, or `target`) under test-artifacts/screenshots; with UPDATE_DOC_IMAGES=1 also docs/images/`docsName`. */
export async function screenshot(page: Page, name: string, docsName?: string, target?: Locator): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = join(SCREENSHOTS_DIR, `${name}.png`);
  if (target) await target.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  if (docsName && process.env.UPDATE_DOC_IMAGES === '1') copyFileSync(file, join(DOCS_IMAGES_DIR, docsName));
}
