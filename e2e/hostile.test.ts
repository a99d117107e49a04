/**
 * Hostile input in the browser: ticket text with markup, script, `javascript:` links, frames, style,
 * entities, Markdown links, odd Unicode and a 100 KB comment, in every text field of a ticket
 * (e2e/fixtures/hostile/), shown in the built sidebar inside the local Zendesk host. Every payload calls
 * `__hostile(name)`, which the test installs in every frame before any page script: a payload that runs
 * is reported by name. The test also looks for any element or attribute a payload would inject, in the
 * app's frame and the host page, and checks that the sidebar still suggests, previews and escalates.
 * Last, malformed settings: named in the sidebar, which keeps working.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultCaseFolders } from '../host/cases';
import { REPO_ROOT, startHost, type RunningHost } from '../host/server';
import { folded, HUGE_LENGTH, PAYLOADS, writeHostileCases, type HostileCase } from './fixtures/hostile/cases';
import {
  appFrame,
  assertBuilt,
  hostState,
  launchChromium,
  newContext,
  screenshotPage,
  screenshotSidebar,
  t,
  watchErrors,
} from './support';

let host: RunningHost;
let browser: Browser;
let caseDir: string;
let cases: HostileCase[];
const contexts: BrowserContext[] = [];

/** Installed in every frame before its scripts run: records the name of any payload that runs. */
function installWatch(): void {
  const w = window as unknown as { __hostile?: (name: string) => void; __hostileHits?: string[] };
  w.__hostileHits = [];
  w.__hostile = (name: string) => {
    w.__hostileHits?.push(name);
  };
}

/** The payloads that ran in a frame. */
function hits(frame: Frame | Page): Promise<string[]> {
  return frame.evaluate(
    () => (window as unknown as { __hostileHits?: string[] }).__hostileHits ?? ['watch not installed'],
  );
}

/**
 * What a payload would have injected into a document: inline event handlers, `javascript:` URLs, frames,
 * objects, forms, inline scripts, meta refresh, style elements in the body and the corpus's
 * `<img src=x>` (the corpus's `<details ontoggle>` counts by its handler: the host page has a `<details>`). `keep` is a selector for the page's own elements (the host's app iframe).
 */
function injected(keep: string): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    if (keep !== '' && element.matches(keep)) continue;
    for (const attribute of element.attributes) {
      if (/^on/iu.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
      if (/^\s*javascript:/iu.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}`);
    }
    if (element.matches('iframe, frame, object, embed, form, meta[http-equiv], img[src="x"]'))
      found.push(element.tagName);
    if (element.matches('script') && !element.hasAttribute('src')) found.push('inline SCRIPT');
    if (element.matches('body style')) found.push('STYLE in body');
  }
  return found;
}

/** The host page's own frame and form (the app's iframe, the nav bar page's controls). */
const HOST_OWN = '#app-frame, #navbar-controls';

interface Opened {
  page: Page;
  app: FrameLocator;
  errors: string[];
}

async function open(caseId: string): Promise<Opened> {
  const context = await newContext(browser);
  contexts.push(context);
  await context.addInitScript(installWatch);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${host.hostUrl}?case=${encodeURIComponent(caseId)}`);
  const app = page.frameLocator('#app-frame');
  await app.getByRole('heading', { name: t('suggestion.heading'), exact: true }).waitFor();
  return { page, app, errors };
}

/** Nothing ran and nothing was injected, in the host page and in the app's frame. */
async function expectInert(page: Page): Promise<void> {
  const frame = await appFrame(page);
  expect({ host: await hits(page), app: await hits(frame) }).toEqual({ host: [], app: [] });
  expect({
    host: await page.evaluate(injected, HOST_OWN),
    app: await frame.evaluate(injected, ''),
  }).toEqual({ host: [], app: [] });
}

beforeAll(async () => {
  assertBuilt();
  caseDir = await mkdtemp(path.join(os.tmpdir(), 'escalation-hostile-'));
  cases = await writeHostileCases(caseDir);
  host = await startHost({
    hostPort: 0,
    appPort: 0,
    caseFolders: [...defaultCaseFolders(REPO_ROOT), { label: 'hostile', dir: caseDir }],
  });
  browser = await launchChromium();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser.close();
  await host.close();
  await rm(caseDir, { recursive: true, force: true });
});

describe('hostile ticket text in the sidebar', () => {
  it('the corpus holds every kind of payload the checks are about', () => {
    const names = [...PAYLOADS.markup, ...PAYLOADS.unicode].map((p) => p.name);
    for (const kind of [
      'script-tag',
      'img-onerror',
      'javascript-link',
      'iframe-srcdoc',
      'style-injection',
      'html-entities',
      'markdown-link',
      'rtl-override',
      'zero-width',
      'combining-marks',
      'emoji',
      'lone-surrogates',
      'nul',
    ])
      expect(names).toContain(kind);
  });

  it('the checks pass on a benign case, and catch a payload rendered as HTML', async () => {
    const { page, errors } = await open('shared/05-duplicate-charge-refund-149.json');
    await expectInert(page);
    expect(errors).toEqual([]);
    // What a sidebar that rendered ticket text as HTML would do: the watch and the DOM check both see it.
    const frame = await appFrame(page);
    await frame.evaluate(
      (html) => {
        document.body.insertAdjacentHTML('beforeend', html);
      },
      PAYLOADS.markup.find((p) => p.name === 'img-onerror')?.text ?? '',
    );
    await frame.waitForFunction(
      () => ((window as unknown as { __hostileHits?: string[] }).__hostileHits ?? []).length > 0,
    );
    expect(await hits(frame)).toEqual(['img-onerror']);
    expect(await frame.evaluate(injected, '')).toEqual(['IMG onerror', 'IMG']);
  });

  it.each(['markup-everywhere.json', 'unicode-and-size.json'])(
    '%s: shown as text in evidence, editors and preview; nothing runs; escalation still works',
    async (file) => {
      const c = cases.find((x) => x.file === file);
      if (c === undefined) throw new Error(`No hostile case ${file}.`);
      const { page, app, errors } = await open(`hostile/${file}`);

      // The host page shows the ticket's words as text, the long comment whole.
      if (file === 'unicode-and-size.json') {
        const longest = await page
          .locator('#conversation .body')
          .evaluateAll((bodies) => Math.max(...bodies.map((b) => b.textContent.length)));
        expect(longest).toBeGreaterThan(HUGE_LENGTH);
      }

      // The suggestion is still there, with the payloads quoted as evidence.
      const suggestion = app.getByRole('region', { name: t('suggestion.heading'), exact: true });
      expect(
        await suggestion
          .getByText(t('suggestion.escalate', { teams: t(`teams.${c.team}`) }), { exact: true })
          .isVisible(),
      ).toBe(true);
      const why = app.getByRole('region', { name: t('reasons.heading'), exact: true });
      for (const text of c.inEvidence) await why.getByText(text, { exact: true }).first().waitFor();
      await expectInert(page);

      // The editors hold the drafted note and message with the payloads as plain characters.
      const note = await app.getByLabel(t('editors.note_label'), { exact: true }).inputValue();
      const messageLabel = t('editors.message_label', { channel: '' }).split('(')[0] ?? '';
      const message = await app.getByLabel(new RegExp(`^${messageLabel}`, 'u')).inputValue();
      for (const text of c.inNote) expect(folded(note)).toContain(folded(text));
      for (const text of c.inMessage) expect(message).toContain(text);
      await app.getByRole('button', { name: t('review.button'), exact: true }).click();
      await app.getByRole('button', { name: t('confirm.button'), exact: true }).waitFor();
      // The preview shows exactly what will be written, as text.
      const preview = app.getByRole('region', { name: t('preview.heading'), exact: true });
      const previewText = (await preview.textContent()) ?? '';
      for (const text of c.inNote) expect(folded(previewText)).toContain(folded(text));
      await expectInert(page);
      await screenshotSidebar(page, `hostile-${file.replace('.json', '')}`);

      // Confirm: the note is written as drafted, and the host shows it as text too.
      await app.getByRole('button', { name: t('confirm.button'), exact: true }).click();
      await app.getByText(t('result.heading'), { exact: true }).waitFor();
      const state = await hostState(page);
      const written = state.comments.find((comment) => comment.body.includes('Escalation key'));
      expect(written).toBeDefined();
      for (const text of c.inNote) expect(folded(written?.body ?? '')).toContain(folded(text));
      await page.locator('#conversation li.internal .body', { hasText: 'Escalation key' }).waitFor();
      await expectInert(page);
      await screenshotPage(page, `hostile-${file.replace('.json', '')}-host`);
      expect(errors).toEqual([]);
    },
  );
});

describe('malformed settings', () => {
  it('names each bad setting in the sidebar, which still suggests and escalates', async () => {
    const { page, app, errors } = await open('shared/05-duplicate-charge-refund-149.json');
    const settings = JSON.parse(await page.locator('#settings-json').inputValue()) as Record<string, unknown>;
    await page.locator('#settings-json').fill(
      JSON.stringify({
        ...settings,
        refund_threshold: 'one hundred',
        outage_threshold: { value: 10 },
        vip_tags: 42,
        carrier_group_id: '24000000009999',
        legal_group_id: 'Legal team',
      }),
    );
    await page.locator('#settings-apply').click();

    const warning = app.getByRole('note').filter({ hasText: t('error.settings_title') });
    // The unknown group is found by the check made after the suggestion shows.
    await warning.getByText(/^carrier_group_id: 24000000009999 is not a group/u).waitFor();
    const lines = await warning.getByRole('listitem').allTextContents();
    expect(lines.map((line) => /^\w+/u.exec(line)?.[0])).toEqual([
      'legal_group_id',
      'refund_threshold',
      'outage_threshold',
      'vip_tags',
      'carrier_group_id',
    ]);
    expect(lines[1]).toContain('got "one hundred"');

    // The rest of the sidebar works: the refund still goes to L2 and is written.
    const suggestion = app.getByRole('region', { name: t('suggestion.heading'), exact: true });
    expect(
      await suggestion
        .getByText(t('suggestion.escalate', { teams: t('teams.l2') }), { exact: true })
        .isVisible(),
    ).toBe(true);
    await app.getByRole('button', { name: t('review.button'), exact: true }).click();
    await app.getByRole('button', { name: t('confirm.button'), exact: true }).click();
    await app.getByText(t('result.heading'), { exact: true }).waitFor();
    const state = await hostState(page);
    expect(state.ticket.group_id).toBe(Number(settings.l2_group_id));
    await screenshotSidebar(page, 'malformed-settings');
    expect(errors).toEqual([]);
  });
});
