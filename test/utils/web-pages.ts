import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { DOCS_IMAGES_DIR, SCREENSHOTS_DIR, openPage } from './chromium';

// What the Chromium e2e files share: pages that collect script errors, signing in through the form,
// and screenshots (test-artifacts/screenshots/, copied to docs/images/ with UPDATE_DOC_IMAGES=1).

export const SHOTS = SCREENSHOTS_DIR;
export const DOCS_IMAGES = DOCS_IMAGES_DIR;

export function prepareScreenshotDirs(): void {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(DOCS_IMAGES, { recursive: true });
}

/** A new page of `context` whose script errors land in `errors` (one implementation: test/utils/chromium.ts). */
export const watchedPage = openPage;

/** Signs in through the form. Sessions are cookies shared by the context's pages: each user starts from none. */
export async function signInThroughForm(context: BrowserContext, page: Page, base: string, email: string, password: string): Promise<void> {
  await context.clearCookies();
  await page.goto(`${base}/app/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#site-header').waitFor({ state: 'visible' });
}

/** A screenshot under test-artifacts/screenshots/<name>.png, and docs/images/<docsName> with UPDATE_DOC_IMAGES=1. */
export async function screenshot(page: Page, name: string, docsName?: string, fullPage = true): Promise<void> {
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  if (docsName && process.env.UPDATE_DOC_IMAGES === '1') copyFileSync(file, join(DOCS_IMAGES, docsName));
}

/** Fails the test, naming `what`, when the page scrolls sideways (the phone checks at 390 px). */
export async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const [scroll, client] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
  expect({ what, fits: scroll <= client, scroll, client }).toEqual({ what, fits: true, scroll, client });
}
