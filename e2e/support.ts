/**
 * What the browser tests share: Debian's Chromium launched as a container allows, a page that reports
 * its uncaught errors, the host's test hook (`window.escalationHost`, host/page/inspect.ts) read from
 * Node, the sidebar's frame, and screenshots kept in artifacts/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { REPO_ROOT } from '../host/server';
import type { HostState } from '../host/page/inspect';

/** Chromium to drive: Debian's by default, or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without these, Chromium in a container fails on its sandbox, GPU and background connections.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where screenshots go; the folder is ignored by git. */
export const ARTIFACTS = path.join(REPO_ROOT, 'artifacts');

/** Launches Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A fresh browser context with a fixed locale and time zone, so dates the sidebar formats with
 * `toLocaleString()` read the same on every machine ("11/27/2026, 3:24:44 AM", UTC). Tall enough that
 * the sidebar's first screen fits in a screenshot.
 */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1400, height: 1500 },
  });
}

/** Collects uncaught errors and console errors from the page and its frames, so a test can fail on them. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  return errors;
}

/** A case file of ../shared/cases, parsed; only the parts the tests read are typed. */
export interface SharedCase {
  readonly bundle: {
    readonly ticket: {
      readonly id: number;
      readonly subject: string;
      readonly tags: readonly string[];
      readonly status: string;
    };
    readonly comments: readonly { readonly id: number; readonly body: string; readonly public: boolean }[];
    readonly settings: { readonly category_field_id: number };
  };
}

/** Reads a case file of ../shared/cases by its file name. */
export async function readSharedCase(file: string): Promise<SharedCase> {
  return JSON.parse(
    await readFile(path.join(REPO_ROOT, '..', 'shared', 'cases', file), 'utf8'),
  ) as SharedCase;
}

/** The open ticket's state from the host page's test hook; throws when the page has no ticket open. */
export async function hostState(page: Page): Promise<HostState> {
  const state = await page.evaluate(() => {
    const hook = window.escalationHost;
    return hook === undefined ? 'no hook' : hook.state();
  });
  if (state === 'no hook')
    throw new Error('The host page has no window.escalationHost (host/page/inspect.ts).');
  if (state === null) throw new Error('The host page has no ticket open.');
  return state;
}

/** The sidebar's frame (on the app origin), for evaluating scripts in it. */
export async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('#app-frame').elementHandle()).contentFrame();
  if (frame === null) throw new Error('The host page has no app frame.');
  return frame;
}

/**
 * Saves the sidebar's first screen (the top of the app iframe, as far as the host's sidebar column shows
 * it) as artifacts/<name>.png and returns the path.
 */
export async function screenshotSidebar(page: Page, name: string): Promise<string> {
  // A click lower down may have scrolled the sidebar column or the page: show the sidebar's top.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('aside')?.scrollTo(0, 0);
  });
  const frameBox = await page.locator('#app-frame').boundingBox();
  const columnBox = await page.locator('aside').boundingBox();
  if (frameBox === null || columnBox === null) throw new Error('The app frame is not on screen.');
  const bottom = Math.min(frameBox.y + frameBox.height, columnBox.y + columnBox.height);
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({
    path: file,
    clip: { x: frameBox.x, y: frameBox.y, width: frameBox.width, height: bottom - frameBox.y },
  });
  return file;
}

/** Saves the whole host page as artifacts/<name>.png. */
export async function screenshotPage(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

type Texts = { readonly [key: string]: string | Texts };
let texts: Texts | null = null;

/** The sidebar's text for a translations/en.json `ui.*` key, with `{{name}}` filled in, as the app shows it. */
export function t(key: string, values: Readonly<Record<string, string | number>> = {}): string {
  texts ??= (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'translations', 'en.json'), 'utf8')) as { ui: Texts }
  ).ui;
  let node: string | Texts | undefined = texts;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`translations/en.json has no text ui.${key}.`);
  return node.replace(/\{\{(\w+)\}\}/gu, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`ui.${key} needs a value for {{${name}}}.`);
    return String(value);
  });
}

/** Stops with what to do when the browser tests run before the app is built. */
export function assertBuilt(): void {
  const page = path.join(REPO_ROOT, 'dist', 'assets', 'index.html');
  if (!existsSync(page))
    throw new Error(`No built app at ${page}: run \`npx vite build\` before the browser tests.`);
}
