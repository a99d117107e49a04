/**
 * The sidebar's whole flows: the built app (dist/) in the local Zendesk host, with the real ZAF SDK, in
 * a real Chromium. Each test drives the sidebar as an agent would (by role and visible text, the texts
 * coming from translations/en.json) and then asserts the ticket exactly as the fake Zendesk stores it,
 * read through the host page's test hook (`window.escalationHost`, host/page/inspect.ts).
 * Screenshots of the main states go to artifacts/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultCaseFolders } from '../host/cases';
import { REPO_ROOT, startHost, type RunningHost } from '../host/server';
import {
  added,
  button,
  escalated,
  facts,
  noteAndReply,
  openCase as openCaseOn,
  region,
  result,
  review,
  untouchedByEscalation,
  type OpenTicket,
} from './flows';
import {
  appFrame,
  assertBuilt,
  hostState,
  launchChromium,
  newContext,
  readSharedCase,
  screenshotPage,
  screenshotSidebar,
  t,
  watchErrors,
  type SharedCase,
} from './support';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOUR_MS = 3_600_000;

const CARRIER_CASE = '01-port-in-rejected-four-times.json';
const TRUST_SAFETY_CASE = '03-suspension-appeal-60h.json';
const TWO_TEAMS_CASE = '10-vip-plan-change-bug.json';
const CRITICAL_CASE = '11-abusive-ex-account-takeover.json';
const BLOCKED_CASE = '13-esim-error-no-troubleshooting-no-info.json';
/** An e2e-only case (not under cases/, whose files the engine tests check against their `expect`). */
const HTML_CASE_FILE = path.join(HERE, 'fixtures', 'cases', 'html-in-ticket-text.json');
const HTML_CASE_ID = 'e2e/html-in-ticket-text.json';

let host: RunningHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** Opens a case in a browser context of its own (e2e/flows.ts). */
function openCase(caseId: string): Promise<OpenTicket> {
  return openCaseOn({ host, browser, contexts }, caseId);
}

/** "11/27/2026, 3:24:44 AM" (en-US, UTC, as the test's browser context formats) as epoch ms. */
function parseShownTime(text: string): number {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{1,2}):(\d{2}):(\d{2})\s(AM|PM)$/u.exec(text.trim());
  if (match === null) throw new Error(`Not a time as the sidebar shows it: "${text}".`);
  const [month = 0, day = 0, year = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map(Number);
  const hour24 = (hour % 12) + (match[7] === 'PM' ? 12 : 0);
  return Date.UTC(year, month - 1, day, hour24, minute, second);
}

/** The sidebar's own formatting of a timestamp (formatTime: `toLocaleString()` in the app's frame). */
async function shownTime(page: Page, iso: string): Promise<string> {
  return (await appFrame(page)).evaluate((at) => new Date(at).toLocaleString(), iso);
}

/** The script-injection markers, in the host page and in the app's frame. */
async function pwned(page: Page): Promise<{ host: unknown; app: unknown }> {
  const read = () => (window as unknown as { __pwned?: unknown }).__pwned ?? 'undefined';
  return { host: await page.evaluate(read), app: await (await appFrame(page)).evaluate(read) };
}

/** axe-core in the app's frame: every violation, by rule and element. */
async function axeViolations(page: Page): Promise<{ rules: number; violations: string[] }> {
  const frame = await appFrame(page);
  await frame.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  return frame.evaluate(async () => {
    interface AxeResults {
      passes: unknown[];
      violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
    }
    const { axe } = window as unknown as { axe: { run(context: Document): Promise<AxeResults> } };
    const results = await axe.run(document);
    return {
      rules: results.passes.length + results.violations.length,
      violations: results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`,
      ),
    };
  });
}

beforeAll(async () => {
  assertBuilt();
  host = await startHost({
    hostPort: 0,
    appPort: 0,
    caseFolders: [...defaultCaseFolders(REPO_ROOT), { label: 'e2e', dir: path.dirname(HTML_CASE_FILE) }],
  });
  browser = await launchChromium();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser.close();
  await host.close();
});

describe('the sidebar in the local Zendesk host', () => {
  it('escalates a port-in rejected four times to Carrier: suggestion, preview, confirm, result', async () => {
    const caseFile = await readSharedCase(CARRIER_CASE);
    const { ticket } = caseFile.bundle;
    const { page, app, errors, seeded } = await openCase(`shared/${CARRIER_CASE}`);
    expect(seeded.comments).toHaveLength(caseFile.bundle.comments.length);
    const agentId = Number(seeded.ticket.assignee_id);

    // The suggestion: Carrier, with the rules and the comments behind them.
    const suggestion = region(app, t('suggestion.heading'));
    await suggestion
      .getByText(t('suggestion.escalate', { teams: t('teams.carrier') }), { exact: true })
      .waitFor();
    expect(await facts(suggestion.locator('dl'))).toMatchObject({
      [t('suggestion.follow_up')]: t('suggestion.follow_up_hours', { hours: 72 }),
      [t('suggestion.customer_email')]: 'danielle.okafor@gmail.com',
    });
    const why = region(app, t('reasons.heading'));
    const reasonRow = (row: string) =>
      why.locator('li', { has: app.getByText(row, { exact: true }) }).first();
    const portIn = reasonRow('Port-in rejected 3+ times (with correct info)');
    expect(
      await portIn.getByText(`${t('reasons.goes_to', { teams: t('teams.carrier') })} ·`).textContent(),
    ).toBe(`goes to Carrier · ${t('reasons.rule', { rule: 'port_in_rejected_3_plus' })}`);
    const firstEvidence = portIn
      .getByRole('list', { name: t('reasons.evidence') })
      .getByRole('listitem')
      .first();
    const fourthAttempt = seeded.comments.find((comment) => comment.id === 28003841270911);
    if (fourthAttempt === undefined) throw new Error('The case lost comment 28003841270911.');
    expect(await firstEvidence.locator('blockquote').textContent()).toBe('4th attempt 10:50 - rejected, 6F.');
    expect(await firstEvidence.locator('blockquote + span').textContent()).toBe(
      `comment 28003841270911 · agent · internal note · ${await shownTime(page, fourthAttempt.created_at)}`,
    );
    // One rule, not two: Verizon rejecting the port request is not a SIM activation rejected by a carrier.
    expect(await why.locator('li > strong').allTextContents()).toEqual([
      'Port-in rejected 3+ times (with correct info)',
    ]);
    await screenshotSidebar(page, 'suggestion');

    // The preview says exactly what will be written.
    const preview = await review(app);
    expect(preview.facts).toEqual({
      [t('preview.status')]: t('preview.status_custom', {
        id: String(seeded.settings.escalated_status_id),
        status: t('status.open'),
      }),
      [t('preview.group')]: t('preview.group_team', {
        team: t('teams.carrier'),
        id: String(seeded.settings.carrier_group_id),
      }),
      [t('preview.assignee')]: t('preview.assignee_unassign'),
      [t('preview.tags')]: 'escalated_carrier',
      [t('preview.follow_up')]: t('suggestion.follow_up_hours', { hours: 72 }),
    });
    expect(preview.note).toMatch(/^## ESCALATION NOTE\n/u);
    for (const part of [
      'PRQ-7730215',
      '6F',
      'Account Number (old carrier): ****5561',
      'danielle.okafor@gmail.com',
    ])
      expect(preview.note).toContain(part);
    expect(preview.note).not.toContain('482019375561');
    expect(preview.message).toContain('2-3 business days');
    expect(preview.message).not.toContain('482019375561');
    await screenshotSidebar(page, 'review');

    await button(app, t('confirm.button')).click();
    const shown = await result(app);
    const observed = Date.now();
    await screenshotSidebar(page, 'result');

    // The ticket: one note, one reply, the carrier group, unassigned, the tag added to its own.
    const after = await hostState(page);
    const written = noteAndReply(added(seeded, after), agentId);
    expect(written.note).toBe(preview.note);
    expect(written.reply).toBe(preview.message);
    expect(after.ticket).toMatchObject(escalated(after, 'carrier_group_id'));
    expect(after.ticket.group_id).toBe(24000000000104);
    expect(after.ticket.tags).toEqual([...ticket.tags, 'escalated_carrier']);
    expect(untouchedByEscalation(after)).toEqual(untouchedByEscalation(seeded));
    expect(after.createdTickets).toEqual([]);
    expect(after.writes.map((write) => [write.origin, write.method, write.url])).toEqual([
      ['request', 'PUT', `/api/v2/tickets/${ticket.id}.json`],
      ['request', 'PUT', `/api/v2/tickets/${ticket.id}.json`],
    ]);

    // The result: who has it, when, and when to follow up (72 h later).
    expect(shown[t('result.teams')]).toBe(t('teams.carrier'));
    const at = parseShownTime(shown[t('result.time')] ?? '');
    const firstWrite = Date.parse(after.writes[0]?.at ?? '');
    expect(at).toBeGreaterThanOrEqual(Math.floor(firstWrite / 1000) * 1000);
    expect(at).toBeLessThanOrEqual(observed);
    expect(parseShownTime(shown[t('result.follow_up')] ?? '') - at).toBe(72 * HOUR_MS);
    expect(errors).toEqual([]);
  });

  it('shows what to do instead on a blocked case, offers no confirm, and writes nothing', async () => {
    const caseFile = await readSharedCase(BLOCKED_CASE);
    const { page, app, errors, seeded } = await openCase(`shared/${BLOCKED_CASE}`);

    const suggestion = region(app, t('suggestion.heading'));
    await suggestion.getByText(t('suggestion.not_yet'), { exact: true }).waitFor();
    expect(
      await suggestion.getByText(t('suggestion.would_go_to', { teams: t('teams.engineering') })).isVisible(),
    ).toBe(true);
    const instead = region(app, t('blockers.heading'));
    const advice = instead.getByRole('note');
    expect(await advice.count()).toBe(2);
    expect(await advice.nth(0).locator('div').first().textContent()).toBe(
      'Finish the applicable troubleshooting first (restart the device, update carrier settings, re-push the eSIM profile and check the EID) and note each result; then check again.',
    );
    expect(await advice.nth(1).locator('div').first().textContent()).toBe(
      'Ask the customer for device model, OS version and EID, then check again.',
    );
    expect(
      await advice
        .nth(1)
        .getByRole('list', { name: t('blockers.evidence') })
        .textContent(),
    ).toContain(
      'comment 28004410870480 (agent, internal): "Still need device model, OS version and EID from cx before anything."',
    );
    expect(
      await instead
        .getByText(
          t('blockers.held_back', {
            rule: 'eSIM provisioning stuck in backend',
            teams: t('teams.engineering'),
          }),
        )
        .isVisible(),
    ).toBe(true);
    // No way to write: no review, no confirm, no editors.
    expect(await button(app, t('review.button')).count()).toBe(0);
    expect(await button(app, t('confirm.button')).count()).toBe(0);
    expect(await app.getByRole('textbox').count()).toBe(0);
    await screenshotSidebar(page, 'blocked');

    // Nothing written: no write, only reads, nothing left in the agent's form or reply editor.
    const after = await hostState(page);
    expect(after.writes).toEqual([]);
    expect(after.requests.length).toBeGreaterThan(0);
    expect(after.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(after.ticket).toEqual(seeded.ticket);
    expect(after.comments).toHaveLength(caseFile.bundle.comments.length);
    expect(await page.locator('#ticket-unsaved').textContent()).toBe('');
    expect(await page.locator('#reply-editor').inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('keeps the internal reason out of the Trust & Safety reply and in the note', async () => {
    const caseFile = await readSharedCase(TRUST_SAFETY_CASE);
    const { ticket } = caseFile.bundle;
    const { page, app, errors, seeded } = await openCase(`shared/${TRUST_SAFETY_CASE}`);
    const agentId = Number(seeded.ticket.assignee_id);
    await region(app, t('suggestion.heading'))
      .getByText(t('suggestion.escalate', { teams: t('teams.trust_safety') }), { exact: true })
      .waitFor();

    const preview = await review(app);
    expect(preview.facts[t('preview.tags')]).toBe('escalated_ts slo_at_risk');
    await button(app, t('confirm.button')).click();
    expect((await result(app))[t('result.teams')]).toBe(t('teams.trust_safety'));

    const after = await hostState(page);
    const written = noteAndReply(added(seeded, after), agentId);
    expect(written.reply).toBe(preview.message);
    for (const secret of ['chargeback', 'sim farm', 'imei', 'risk', 'do not disclose'])
      expect(written.reply.toLowerCase()).not.toContain(secret);
    expect(written.reply).toContain('rafa.quintero88@outlook.com');
    expect(written.reply).toContain('24-48 hours');
    expect(written.note).toBe(preview.note);
    for (const reason of ['3 chargebacks', 'device IMEI seen on 4 accounts', 'possible SIM farm'])
      expect(written.note).toContain(reason);
    expect(after.ticket).toMatchObject(escalated(after, 'trust_safety_group_id'));
    expect(after.ticket.tags).toEqual([...ticket.tags, 'escalated_ts', 'slo_at_risk']);
    expect(untouchedByEscalation(after)).toEqual(untouchedByEscalation(seeded));
    expect(after.writes).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('puts the critical alert first, in danger colours, and tags the ticket priority_high', async () => {
    const caseFile = await readSharedCase(CRITICAL_CASE);
    const { ticket } = caseFile.bundle;
    const { page, app, errors, seeded } = await openCase(`shared/${CRITICAL_CASE}`);
    const agentId = Number(seeded.ticket.assignee_id);

    const suggestion = region(app, t('suggestion.heading'));
    const alert = suggestion.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator(':scope > *').first().textContent()).toBe(t('suggestion.urgent_title'));
    expect(await alert.getByText(t('suggestion.urgent_body'), { exact: true }).isVisible()).toBe(true);
    const alertText = (await alert.locator(':scope > *').nth(2).textContent()) ?? '';
    expect(alertText).toMatch(/^@channel URGENT ESCALATION\n/u);
    expect(alertText).toContain(`(ticket #${ticket.id})`);
    expect(alertText).toContain('Why urgent: Customer reports emergency/safety risk');
    expect(alertText).toMatch(/Need triage NOW\.$/u);
    // It stands out: right under the heading, above the verdict, framed in danger red on a tinted ground.
    expect(await suggestion.evaluate((section) => section.children[1]?.getAttribute('role') ?? 'none')).toBe(
      'alert',
    );
    const verdict = suggestion.getByText(t('suggestion.escalate', { teams: t('teams.trust_safety') }), {
      exact: true,
    });
    const [alertBox, verdictBox] = [await alert.boundingBox(), await verdict.boundingBox()];
    expect(alertBox !== null && verdictBox !== null && alertBox.y + alertBox.height <= verdictBox.y).toBe(
      true,
    );
    const colours = await alert.evaluate((element) => {
      const rgb = (css: string) => (css.match(/\d+/gu) ?? []).slice(0, 3).map(Number);
      const style = getComputedStyle(element);
      return { border: rgb(style.borderTopColor), background: rgb(style.backgroundColor) };
    });
    const [red = 0, green = 0, blue = 0] = colours.border;
    expect(red).toBeGreaterThan(150);
    expect(red).toBeGreaterThan(2 * Math.max(green, blue));
    expect(colours.background).not.toEqual([255, 255, 255]);
    expect(colours.background[0]).toBeGreaterThan(colours.background[1] ?? 255);
    expect(await facts(suggestion.locator('dl'))).toMatchObject({
      [t('suggestion.urgency')]: t('urgency.critical'),
    });
    await screenshotSidebar(page, 'critical');

    const preview = await review(app);
    expect(preview.facts[t('preview.tags')]).toBe('escalated_ts priority_high');
    await button(app, t('confirm.button')).click();
    await result(app);

    const after = await hostState(page);
    noteAndReply(added(seeded, after), agentId);
    expect(after.ticket).toMatchObject(escalated(after, 'trust_safety_group_id'));
    expect(after.ticket.tags).toEqual([...ticket.tags, 'escalated_ts', 'priority_high']);
    expect(untouchedByEscalation(after)).toEqual(untouchedByEscalation(seeded));
    expect(errors).toEqual([]);
  });

  it('on a 409 writes nothing, says what changed, and a second confirm writes once', async () => {
    const caseFile = await readSharedCase(CARRIER_CASE);
    const { ticket } = caseFile.bundle;
    const { page, app, errors, seeded } = await openCase(`shared/${CARRIER_CASE}`);
    const agentId = Number(seeded.ticket.assignee_id);
    await review(app);

    // Just before the app's ticket PUT, another agent retitles the ticket in the customer's words: the
    // PUT's safe_update gets 409, and the new subject is a reason of its own. (A subject change fires no
    // event the sidebar watches, so nothing but the 409 tells the app; a watched change would also
    // reach it as a ticket.*.changed event, whose debounced reload could land during the second review.)
    const change = { subject: 'Verizon still will not release my number' };
    await page.evaluate((edit) => {
      window.escalationHost?.failNext({ kind: 'stale', change: edit });
    }, change);
    expect(await page.locator('#fault-pending li').allTextContents()).toEqual([
      '409: another agent saves just before the next ticket PUT',
    ]);
    await button(app, t('confirm.button')).click();

    const conflict = app.getByRole('alert').filter({ hasText: t('conflict.title') });
    await conflict.waitFor();
    expect(await conflict.getByText(t('conflict.body'), { exact: true }).isVisible()).toBe(true);
    expect(await conflict.getByRole('listitem').allTextContents()).toEqual([
      t('conflict.reason_added', { row: 'Number not releasing from old carrier' }),
    ]);
    // Back at the suggestion, decided again from the ticket as it is now: the new subject is evidence.
    await button(app, t('review.button')).waitFor();
    const why = region(app, t('reasons.heading'));
    const releasing = why
      .locator('li', { has: app.getByText('Number not releasing from old carrier', { exact: true }) })
      .first();
    expect(await releasing.locator('blockquote').first().textContent()).toBe(change.subject);
    expect(await releasing.locator('blockquote + span').first().textContent()).toBe(t('evidence.subject'));
    await screenshotSidebar(page, 'conflict');

    const afterConflict = await hostState(page);
    expect(afterConflict.writes.map((write) => [write.origin, write.authorId])).toEqual([
      ['concurrent-edit', 2],
    ]);
    expect(
      afterConflict.requests
        .filter((request) => request.method !== 'GET')
        .map((request) => [request.method, request.status, request.fault]),
    ).toEqual([['PUT', 409, 'stale']]);
    expect(afterConflict.comments).toEqual(seeded.comments);
    expect(afterConflict.ticket).toEqual({
      ...seeded.ticket,
      subject: change.subject,
      raw_subject: change.subject,
      updated_at: afterConflict.ticket.updated_at,
    });
    expect(afterConflict.pendingFaults).toEqual([]);

    // Confirm again: the plan is rebuilt from the new read, and written once.
    const preview = await review(app);
    expect(preview.note).toContain('Number not releasing from old carrier');
    await button(app, t('confirm.button')).click();
    await result(app);
    const after = await hostState(page);
    const written = noteAndReply(added(seeded, after), agentId);
    expect(written.note).toBe(preview.note);
    expect(written.reply).toBe(preview.message);
    expect(after.ticket).toMatchObject(escalated(after, 'carrier_group_id'));
    expect(after.ticket.tags).toEqual([...ticket.tags, 'escalated_carrier']);
    expect(after.ticket.subject).toBe(change.subject);
    expect(after.writes.map((write) => write.origin)).toEqual(['concurrent-edit', 'request', 'request']);
    expect(errors).toEqual([]);
  });

  it.each([
    {
      how: 'a double click',
      // The browser's own double click: the second click meets a button React has already disabled.
      press: (confirm: Locator) => confirm.dblclick(),
      reached: (clicks: number) => clicks >= 1,
    },
    {
      how: 'two clicks before React re-renders',
      // Both clicks in one task, so the second reaches the still-enabled button (ConfirmButton's guard).
      press: (confirm: Locator) =>
        confirm.evaluate((element: HTMLElement) => {
          element.click();
          element.click();
        }),
      reached: (clicks: number) => clicks === 2,
    },
  ])('writes once when the agent confirms with $how during a slow write', async ({ press, reached }) => {
    const caseFile = await readSharedCase(TWO_TEAMS_CASE);
    const { ticket } = caseFile.bundle;
    const { page, app, errors, seeded } = await openCase(`shared/${TWO_TEAMS_CASE}`);
    const agentId = Number(seeded.ticket.assignee_id);
    const preview = await review(app);
    expect(preview.facts[t('preview.tags')]).toBe('escalated_l2 escalated_engineering');

    // Every request takes 300 ms, so a confirm writes for about a second.
    await page.locator('#latency').fill('300');
    await page.locator('#latency').dispatchEvent('change');
    const confirm = button(app, t('confirm.button'));
    // Counts the clicks that reach the enabled button (a disabled one gets none).
    await confirm.evaluate((element: HTMLElement) => {
      const counter = window as unknown as { confirmClicks: number };
      counter.confirmClicks = 0;
      element.addEventListener('click', () => (counter.confirmClicks += 1), { capture: true });
    });
    await press(confirm);
    const busy = button(app, t('confirm.writing'));
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    const clicks = await (
      await appFrame(page)
    ).evaluate(() => (window as unknown as { confirmClicks: number }).confirmClicks);
    expect(reached(clicks)).toBe(true);
    await result(app);

    const after = await hostState(page);
    const written = noteAndReply(added(seeded, after), agentId);
    expect(written.note).toBe(preview.note);
    const key = /Escalation key: (eg-\d+-[0-9a-f]{8})$/u.exec(written.note)?.[1];
    expect(key).toBeDefined();
    // The other team's linked ticket, also once.
    expect(
      after.createdTickets.map(({ ticket: created }) => [
        created.group_id,
        created.external_id,
        created.tags,
      ]),
    ).toEqual([
      [Number(after.settings.engineering_group_id), `${String(key)}:engineering`, ['escalation_handoff']],
    ]);
    expect(
      after.requests
        .filter((request) => request.method !== 'GET')
        .map((request) => [request.method, request.url.split('?')[0], request.status]),
    ).toEqual([
      ['PUT', `/api/v2/tickets/${ticket.id}.json`, 200],
      ['PUT', `/api/v2/tickets/${ticket.id}.json`, 200],
      ['POST', '/api/v2/tickets.json', 201],
    ]);
    expect(after.ticket).toMatchObject(escalated(after, 'l2_group_id'));
    expect(after.ticket.tags).toEqual([...ticket.tags, 'escalated_l2', 'escalated_engineering']);
    expect(errors).toEqual([]);
  });

  it('shows HTML and script in ticket text as inert text, in the host and in the sidebar', async () => {
    const fixture = JSON.parse(await readFile(HTML_CASE_FILE, 'utf8')) as SharedCase;
    const { subject } = fixture.bundle.ticket;
    const body = fixture.bundle.comments[0]?.body ?? '';
    expect(subject).toContain('<img src=x onerror="window.__pwned=1">');
    expect(subject).toContain('<script>window.__pwned=2</script>');
    const { page, app, errors, seeded } = await openCase(HTML_CASE_ID);
    const agentId = Number(seeded.ticket.assignee_id);

    // The host page shows the subject and the comment as written.
    expect(await page.locator('#ticket-subject').textContent()).toBe(subject);
    expect(await page.locator('#conversation .body').first().textContent()).toBe(body);
    // The sidebar quotes them as evidence, as text.
    const why = region(app, t('reasons.heading'));
    await why.getByText(subject, { exact: true }).waitFor();
    expect(
      await why
        .getByText(
          'My line was suspended <img src=x onerror="window.__pwned=1"> and I want to appeal this.',
          {
            exact: true,
          },
        )
        .isVisible(),
    ).toBe(true);
    expect(await (await appFrame(page)).locator('img, script:not([src])').count()).toBe(0);
    expect(await page.locator('#ticket img, #ticket script').count()).toBe(0);
    expect(await pwned(page)).toEqual({ host: 'undefined', app: 'undefined' });
    await screenshotPage(page, 'html-as-text');

    // Escalated, the note quotes the same text, and the host shows the note as text too.
    const preview = await review(app);
    expect(preview.note).toContain(`"${subject}"`);
    await button(app, t('confirm.button')).click();
    await result(app);
    const after = await hostState(page);
    const written = noteAndReply(added(seeded, after), agentId);
    expect(written.note).toBe(preview.note);
    await page.locator('#conversation li.internal .body', { hasText: 'ESCALATION NOTE' }).waitFor();
    expect(
      await page.locator('#conversation li.internal .body', { hasText: 'ESCALATION NOTE' }).textContent(),
    ).toBe(written.note);
    expect(await page.locator('#ticket img, #ticket script').count()).toBe(0);
    expect(await pwned(page)).toEqual({ host: 'undefined', app: 'undefined' });
    expect(errors).toEqual([]);
  });

  it('opened outside Zendesk, says to open it from a ticket', async () => {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${host.appOrigin}/${host.appPath}`);
    const notice = page.getByRole('status');
    await notice.getByText(t('outside.title'), { exact: true }).waitFor();
    expect(await notice.getByText(t('outside.body'), { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('has no axe-core violations in the suggestion, blocked, critical, review and result states', async () => {
    const states: Record<string, string[]> = {};
    const check = async (page: Page, name: string) => {
      const { rules, violations } = await axeViolations(page);
      expect(rules).toBeGreaterThan(10);
      states[name] = violations;
    };

    const carrier = await openCase(`shared/${CARRIER_CASE}`);
    await check(carrier.page, 'suggestion');
    await review(carrier.app);
    await check(carrier.page, 'review');
    await button(carrier.app, t('confirm.button')).click();
    await result(carrier.app);
    await check(carrier.page, 'result');

    const blocked = await openCase(`shared/${BLOCKED_CASE}`);
    await region(blocked.app, t('blockers.heading')).waitFor();
    await check(blocked.page, 'blocked');

    const critical = await openCase(`shared/${CRITICAL_CASE}`);
    await region(critical.app, t('suggestion.heading')).getByRole('alert').waitFor();
    await check(critical.page, 'critical');

    expect(states).toEqual({ suggestion: [], review: [], result: [], blocked: [], critical: [] });
  });
});
