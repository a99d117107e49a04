/**
 * The local Zendesk host in a real Chromium, with a probe app that uses the real npm ZAF SDK: the SDK's
 * handshake, get, request (resolve and reject), events and the ticket.save hook all go through the host,
 * and an app page opened outside the host sees `init()` return false.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../host/server';
import { launchChromium, readSharedCase, screenshotPage, watchErrors } from './support';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASE_FILE = '01-port-in-rejected-four-times.json';
const CASE_ID = `shared/${CASE_FILE}`;

let appRoot = '';
let host: RunningHost;
let browser: Browser;

/** Builds the probe app into a package laid out like dist/: assets/index.html and its script. */
async function buildProbe(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'zaf-probe-'));
  await mkdir(path.join(root, 'assets'));
  await build({
    entryPoints: [path.join(HERE, 'fixtures', 'probe.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outfile: path.join(root, 'assets', 'probe.js'),
    logLevel: 'silent',
  });
  await copyFile(path.join(HERE, 'fixtures', 'probe-app.html'), path.join(root, 'assets', 'index.html'));
  return root;
}

beforeAll(async () => {
  appRoot = await buildProbe();
  host = await startHost({ hostPort: 0, appPort: 0, appRoot });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await rm(appRoot, { recursive: true, force: true });
});

describe('the local Zendesk host with the real ZAF SDK', () => {
  it('registers the app, answers get and request, sends events and runs the save hook', async () => {
    const { ticket, settings } = (await readSharedCase(CASE_FILE)).bundle;

    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${host.hostUrl}?case=${encodeURIComponent(CASE_ID)}`);
    const app = page.frameLocator('#app-frame');
    await app.locator('#ready', { hasText: 'yes' }).waitFor();

    expect(await app.locator('#failure').textContent()).toBe('');
    expect(await app.locator('#init').textContent()).toBe('client');
    expect(await app.locator('#location').textContent()).toBe('ticket_sidebar');
    expect(await app.locator('#setting').textContent()).toBe(String(settings.category_field_id));
    expect(await app.locator('#subject').textContent()).toBe(ticket.subject);
    expect(await app.locator('#rest').textContent()).toBe(`${ticket.id} ${ticket.subject}`);
    expect(await app.locator('#rest-error').textContent()).toBe('404 RecordNotFound');
    expect(await app.locator('#get-error').textContent()).toMatch(/^"ticket\.noSuchThing" is not available/u);
    // The host page shows the ticket too, as text.
    expect(await page.locator('#ticket-subject').textContent()).toBe(ticket.subject);

    // Another agent adds a tag: the fake's ticket changes, the write log shows it, the app hears of it.
    await page.fill('#change-tag', 'probe_tag');
    await page.click('#change-tag-add');
    await app.locator('#event', { hasText: 'probe_tag' }).waitFor();
    const tags = JSON.parse((await app.locator('#event').textContent()) ?? '[]') as string[];
    expect(tags).toContain('probe_tag');
    await page.locator('#write-log li', { hasText: 'tags +probe_tag' }).waitFor();

    // Submit asks the app through ticket.save; the probe blocks with a message.
    await page.click('#submit');
    await page.locator('#save-outcome', { hasText: 'blocked' }).waitFor();
    expect(await page.locator('#save-outcome').textContent()).toContain('Probe says: not yet');

    await screenshotPage(page, 'host-smoke');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opened outside Zendesk (no origin, no app_guid), the SDK init() returns false', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.appOrigin}/assets/index.html`);
    await page.locator('#init', { hasText: 'false' }).waitFor();
    expect(await page.locator('#init').textContent()).toBe('false');
    await page.close();
  });
});
