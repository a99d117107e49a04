/**
 * The guide's words in a real browser: the built app (dist/) in the local Zendesk host with the real ZAF
 * SDK. What the agent types in the host's reply editor reaches the sidebar through `comment.text` and
 * `comment.text.changed`; a DON'T-say line in the sidebar's own message is replaced in one click; a
 * trigger phrase in the reply editor brings the app forward (`appsTray.show` and `notify`), which the
 * host records on its page.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../host/server';
import {
  assertBuilt,
  hostState,
  launchChromium,
  newContext,
  screenshotSidebar,
  t,
  watchErrors,
} from './support';

const REFUND_CASE = 'shared/05-duplicate-charge-refund-149.json';
const APPEAL_CASE = 'shared/03-suspension-appeal-60h.json';

let host: RunningHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** Opens a case in the host and waits for the sidebar's suggestion. */
async function openCase(caseId: string): Promise<{ page: Page; app: FrameLocator; errors: string[] }> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${host.hostUrl}?case=${encodeURIComponent(caseId)}`);
  const app = page.frameLocator('#app-frame');
  await app.getByRole('heading', { name: t('suggestion.heading'), exact: true }).waitFor();
  return { page, app, errors };
}

/** Types into the host's reply editor as an agent would, in the given mode. */
async function typeInReplyEditor(page: Page, text: string, mode: 'Public reply' | 'Internal note') {
  await page.getByRole('radio', { name: mode }).check();
  await page.getByRole('textbox', { name: 'Reply editor' }).fill(text);
}

const editorPanel = (app: FrameLocator) =>
  app.getByRole('region', { name: t('wording.editor_heading'), exact: true });

beforeAll(async () => {
  assertBuilt();
  host = await startHost({ hostPort: 0, appPort: 0 });
  browser = await launchChromium();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser.close();
  await host.close();
});

describe("the guide's words in the local Zendesk host", () => {
  it('reviews the reply editor, replaces a DON’T-say line in one click, comes forward on a trigger', async () => {
    const { page, app, errors } = await openCase(REFUND_CASE);

    // 1. A DON'T-say line typed in Zendesk's own reply editor is listed in the sidebar.
    await typeInReplyEditor(page, "Hi Aisha,\n\nSorry, there's nothing I can do for you.", 'Public reply');
    const panel = editorPanel(app);
    await panel.getByText("there's nothing I can do for you", { exact: true }).waitFor();
    const specialist = "I'm bringing in a specialist who handles these types of issues";
    expect(await panel.textContent()).toContain(t('wording.instead', { text: specialist }));
    await screenshotSidebar(page, 'wording-reply-editor');

    // 2. The sidebar's own customer message: a DON'T-say line, replaced in one click.
    const message = app.getByRole('textbox', { name: /^Message to the customer/ });
    const original = await message.inputValue();
    await message.fill(`${original}\n\nYou'll have to wait for them.`);
    const replace = app.getByRole('button', {
      name: t('wording.replace', { text: "You'll hear back within 24 hours" }),
    });
    await replace.click();
    await expect.poll(() => message.inputValue()).toBe(`${original}\n\nYou'll hear back within 24 hours.`);
    await app.getByText(/^Advice on the wording/).waitFor({ state: 'detached' });

    // 3. A trigger phrase in the reply editor brings the app forward: the host records appsTray.show and
    // shows the app's notify.
    await typeInReplyEditor(page, 'Refund over the limit, this needs L2', 'Internal note');
    await page
      .getByRole('status')
      .filter({ hasText: t('wording.come_forward', { phrase: 'this needs L2' }) })
      .waitFor();
    await expect
      .poll(() => page.locator('#app-attention').textContent())
      .toMatch(/^The app asked to come forward \(appsTray\.show\) at .+: 1 time on this ticket\.$/);
    await panel.getByText(t('wording.trigger', { phrase: 'this needs L2' })).waitFor();
    // Typing on does not bring it forward again.
    await typeInReplyEditor(page, 'Refund over the limit, this needs L2 today', 'Internal note');
    await page.waitForTimeout(800);
    expect(await page.locator('#app-attention').textContent()).toContain(': 1 time on this ticket.');

    // Reviewing the words wrote nothing.
    expect((await hostState(page)).writes).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('on a Trust & Safety ticket, flags the flag reason and a promise in a public reply, not in a note', async () => {
    const { page, app, errors } = await openCase(APPEAL_CASE);
    await typeInReplyEditor(
      page,
      'Hi Rafael, the IMEI was seen on other accounts. We will restore your line.',
      'Public reply',
    );
    const panel = editorPanel(app);
    await panel.getByText('IMEI', { exact: true }).waitFor();
    expect(await panel.textContent()).toContain(t('wording.kind.internal_reason'));
    expect(await panel.getByText('We will restore your line', { exact: true }).count()).toBe(1);
    expect(await panel.textContent()).toContain(t('wording.kind.promise'));

    // The same words in an internal note are for colleagues: nothing to advise.
    await page.getByRole('radio', { name: 'Internal note' }).check();
    await panel.getByText(t('wording.editor_clean')).waitFor();
    expect(errors).toEqual([]);
  });
});
