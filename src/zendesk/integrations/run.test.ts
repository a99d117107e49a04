import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, type Target } from '../../engine';
import manifest from '../../../manifest.json';
import {
  createLocalServices,
  LOCAL_HANDOFF_SETTINGS,
  LOCAL_SECURE_SETTINGS,
} from '../../../fake/services/local';
import { type BusinessSchedule } from '../../../fake/schedules';
import { adfProblem } from '../../../fake/services/jira';
import { createFakeClient } from '../../../fake/client';
import { buildPlan } from '../plan';
import { asManifestParameters, CASES_DIR, harness } from '../testkit';
import { applyPlan } from '../writer';
import { planHandoffs, type HandoffPlan } from './plan';
import { needsRetry, runHandoffs } from './run';

const OUTAGE = '08-columbus-outage-17-tickets.json';
const MEDIA = '12-reporter-press-inquiry.json';
const CARRIER = '01-port-in-rejected-four-times.json';

const schedule = (id: number, name: string, intervals: BusinessSchedule['intervals']): BusinessSchedule => ({
  id,
  name,
  time_zone: 'Pacific Time (US & Canada)',
  intervals,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
});
const ALWAYS_OPEN = schedule(11, 'Always open', [{ start_time: 0, end_time: 7 * 1440 }]);
const NEVER_OPEN = schedule(12, 'Closed', []);

interface Setup {
  readonly plan: HandoffPlan;
  readonly run: (options?: Parameters<typeof runHandoffs>[2]) => ReturnType<typeof runHandoffs>;
  readonly services: ReturnType<typeof createLocalServices>;
  readonly h: ReturnType<typeof harness>;
  readonly handoffNotes: () => string[];
}

/** A case escalated in the fake Zendesk (the Zendesk writes done), with its hand-off plan. */
async function escalated(
  file: string,
  options: {
    settings?: Record<string, unknown>;
    schedules?: BusinessSchedule[];
    secure?: Record<string, string>;
    /** The signed-in user's role; default agent. */
    role?: 'agent' | 'admin';
  } = {},
): Promise<Setup> {
  const data = JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as {
    bundle: { now: string; ticket: { id: number; subject: string }; settings?: unknown };
  };
  const bundle = data.bundle;
  const services = createLocalServices({
    whitelist: manifest.domainWhitelist,
    ...(options.secure === undefined ? {} : { secureSettings: () => options.secure ?? {} }),
  });
  const h = harness(bundle, {
    settings: { ...asManifestParameters(LOCAL_HANDOFF_SETTINGS), ...options.settings },
    fake: {
      schedules: options.schedules ?? [NEVER_OPEN],
      ...(options.role === undefined ? {} : { currentUser: { id: 1, role: options.role } }),
    },
    client: { services: services.proxy, subdomain: 'meowmobile' },
  });
  const decision = decide(bundle as Parameters<typeof decide>[0]);
  const targets: Target[] = decision.targets;
  const writePlan = buildPlan({
    bundle: bundle as Parameters<typeof decide>[0],
    decision,
    choice: { targets, overrideReason: null, note: decision.note, message: '' },
    settings: h.settings,
    agent: { id: 1, name: 'Fake Agent' },
  });
  const outcome = await applyPlan(h.client, writePlan);
  expect(outcome.kind).toBe('done');
  const handoffs = h.settings.handoffs;
  if (handoffs === undefined) throw new Error('The local hand-off settings switch nothing on.');
  const plan = planHandoffs({
    plan: writePlan,
    decision,
    targets,
    subject: bundle.ticket.subject,
    settings: handoffs,
  });
  if (plan === null) throw new Error(`${file} has no hand-offs.`);
  return {
    plan,
    services,
    h,
    run: (runOptions) => runHandoffs(h.client, plan, { now: () => new Date(bundle.now), ...runOptions }),
    handoffNotes: () =>
      h.fake
        .comments(h.ticketId)
        .map((comment) => comment.body)
        .filter((body) => body.includes('(Escalation Guide hand-off ')),
  };
}

describe('runHandoffs', () => {
  it('hands an urgent outage to Slack, on-call, Jira and the carrier team, once each, and records each on the ticket', async () => {
    const s = await escalated(OUTAGE);
    expect(s.plan.kinds).toEqual(['slack', 'pagerduty', 'jira', 'carrier']);
    const results = await s.run();
    expect(results.map((r) => [r.kind, r.status, r.recorded])).toEqual([
      ['slack', 'sent', true],
      ['pagerduty', 'sent', true],
      ['jira', 'sent', true],
      ['carrier', 'sent', true],
    ]);

    const [message] = s.services.slack.messages();
    expect(s.services.slack.messages()).toHaveLength(1);
    expect(message?.mentionsChannel).toBe(true);
    expect(message?.text).toContain(
      `<https://meowmobile.zendesk.com/agent/tickets/${String(s.h.ticketId)}|Zendesk ticket #`,
    );
    expect(message?.text).toContain('Why urgent: Widespread service outage');

    const [incident] = s.services.pagerduty.incidents();
    expect(incident).toMatchObject({
      dedupKey: `zendesk-${s.plan.escalationKey}`,
      severity: 'critical',
      repeats: 0,
    });
    expect(incident?.summary).toContain('outage or security incident');

    const [issue] = s.services.jira.issues();
    expect(s.services.jira.issues()).toHaveLength(1);
    expect(issue?.labels).toEqual([s.plan.escalationKey, `zendesk-${String(s.h.ticketId)}`]);
    expect(issue?.summary.startsWith(`[Zendesk #${String(s.h.ticketId)}] `)).toBe(true);
    expect(adfProblem(issue?.description)).toBeNull();
    expect(results[2]?.link).toEqual({
      href: 'https://meowmobile.atlassian.net/browse/ENG-1',
      text: 'ENG-1',
    });

    expect(s.services.carrier.requests()).toHaveLength(1);
    expect(s.services.carrier.requests()[0]?.escalationKey).toBe(s.plan.escalationKey);

    const notes = s.handoffNotes();
    expect(notes).toHaveLength(4);
    expect(notes.find((note) => note.includes('/jira)'))).toContain(
      'Jira issue ENG-1 created: https://meowmobile.atlassian.net/browse/ENG-1',
    );
    expect(s.h.fake.ticket(s.h.ticketId)?.tags).toContain('jira_eng-1');
    // Secrets stay in the proxy: no request the app built holds one.
    const sent = JSON.stringify(s.h.client.calls.requests);
    for (const secret of Object.values(LOCAL_SECURE_SETTINGS)) expect(sent).not.toContain(secret);
  });

  it('sends nothing twice: a second run, and a fresh sidebar after a reload, find every hand-off on the ticket', async () => {
    const s = await escalated(OUTAGE);
    await s.run();
    const received = s.services.proxy.received().length;
    const again = await s.run();
    expect(again.map((r) => r.status)).toEqual([
      'already_sent',
      'already_sent',
      'already_sent',
      'already_sent',
    ]);
    expect(again[2]?.link?.text).toBe('ENG-1');

    // A new client on the same fake Zendesk: a reloaded sidebar, with no memory of what it sent.
    const fresh = createFakeClient(s.h.fake, { ticketId: s.h.ticketId, services: s.services.proxy });
    const afterReload = await runHandoffs(fresh, s.plan);
    expect(afterReload.every((r) => r.status === 'already_sent')).toBe(true);
    expect(s.services.proxy.received()).toHaveLength(received);
    expect(s.handoffNotes()).toHaveLength(4);
  });

  it('reports a failed hand-off without touching the others, and its retry sends only that one, exactly once', async () => {
    const s = await escalated(OUTAGE);
    s.services.proxy.failNext('slack', { kind: 'status', status: 500 });
    s.services.proxy.failNext('carrier', { kind: 'status', status: 403 });
    const first = await s.run();
    expect(first.map((r) => [r.kind, r.status])).toEqual([
      ['slack', 'failed'],
      ['pagerduty', 'sent'],
      ['jira', 'sent'],
      ['carrier', 'failed'],
    ]);
    expect(first[0]?.detail).toMatch(
      /Slack had a problem \(500\).*Look in the Slack channel before retrying/u,
    );
    expect(first[3]?.detail).toMatch(/refused the request \(403\)/u);
    expect(s.services.slack.messages()).toHaveLength(0);

    const retry = await s.run({ only: ['slack', 'carrier'] });
    expect(retry.map((r) => [r.kind, r.status])).toEqual([
      ['slack', 'sent'],
      ['carrier', 'sent'],
    ]);
    expect(s.services.slack.messages()).toHaveLength(1);
    expect(s.services.carrier.requests()).toHaveLength(1);
    expect(s.services.pagerduty.incidents()).toHaveLength(1);
    expect(s.services.jira.issues()).toHaveLength(1);
    expect(s.handoffNotes()).toHaveLength(4);
  });

  it('never posts a Slack alert twice when its answer was lost: not with the failed ones, only on request', async () => {
    const s = await escalated(OUTAGE);
    s.services.proxy.failNext('slack', { kind: 'lost' });
    s.services.proxy.failNext('pagerduty', { kind: 'status', status: 500 });
    const first = await s.run();
    expect(first.map((r) => [r.kind, r.status, needsRetry(r)])).toEqual([
      ['slack', 'unconfirmed', false],
      ['pagerduty', 'failed', true],
      ['jira', 'sent', false],
      ['carrier', 'sent', false],
    ]);
    expect(first[0]?.detail).toMatch(/Slack did not answer in time.*look in the Slack channel/u);
    // The alert did land: the channel has it once.
    expect(s.services.slack.messages()).toHaveLength(1);

    const retry = await s.run({ only: first.filter(needsRetry).map((r) => r.kind) });
    expect(retry.map((r) => [r.kind, r.status])).toEqual([['pagerduty', 'sent']]);
    expect(s.services.slack.messages()).toHaveLength(1);
    expect(s.services.proxy.received().filter((r) => r.service === 'slack')).toHaveLength(1);
    expect(s.handoffNotes()).toHaveLength(3);

    // The agent found no alert in the channel and asks for it: posted and recorded.
    const again = await s.run({ only: ['slack'] });
    expect(again.map((r) => [r.kind, r.status, r.recorded])).toEqual([['slack', 'sent', true]]);
    expect(s.handoffNotes()).toHaveLength(4);
  });

  it('files no Jira issue when the search for an earlier one is refused or unanswered', async () => {
    const jiraOnly = { slack_enabled: 'false', pagerduty_enabled: 'false', carrier_webhook_enabled: 'false' };
    const limited = await escalated(OUTAGE, { settings: jiraOnly });
    expect(limited.plan.kinds).toEqual(['jira']);
    limited.services.proxy.failNext('jira', { kind: 'status', status: 429 });
    const refused = await limited.run();
    expect(refused[0]).toMatchObject({ kind: 'jira', status: 'failed' });
    expect(refused[0]?.detail).toMatch(/Jira is rate-limiting requests \(429\); retry in a minute/u);
    expect(limited.services.jira.issues()).toHaveLength(0);

    const lost = await escalated(OUTAGE, { settings: jiraOnly });
    lost.services.proxy.failNext('jira', { kind: 'lost' });
    const unanswered = await lost.run();
    expect(unanswered[0]?.detail).toMatch(/Jira did not answer in time/u);
    expect(lost.services.jira.issues()).toHaveLength(0);
    expect(lost.handoffNotes()).toHaveLength(0);

    const retried = await lost.run({ only: ['jira'] });
    expect(retried[0]).toMatchObject({ status: 'sent', recorded: true });
    expect(lost.services.jira.issues()).toHaveLength(1);
  });

  it('looks again after a create whose answer was lost, and records the issue it made', async () => {
    const s = await escalated(OUTAGE, {
      settings: { slack_enabled: 'false', pagerduty_enabled: 'false', carrier_webhook_enabled: 'false' },
    });
    // Let the search through, lose the create's answer.
    const proxy = s.services.proxy;
    const original = proxy.request.bind(proxy);
    let calls = 0;
    proxy.request = (options, origin) => {
      if (!options.url.startsWith('/')) {
        calls += 1;
        if (calls === 2) proxy.failNext('jira', { kind: 'lost' });
      }
      return original(options, origin);
    };
    const results = await s.run();
    expect(results[0]).toMatchObject({ kind: 'jira', status: 'sent', recorded: true });
    expect(s.services.jira.issues()).toHaveLength(1);
    expect(s.handoffNotes()).toHaveLength(1);
  });

  it('keeps what was sent when the ticket note fails, and the retry records it without sending again', async () => {
    const s = await escalated(MEDIA);
    expect(s.plan.kinds).toEqual(['slack', 'pagerduty']);
    s.h.fake.failNext({ status: 500, match: (request) => request.method === 'PUT', times: 2 });
    const first = await s.run();
    expect(first.map((r) => [r.kind, r.status, r.recorded])).toEqual([
      ['slack', 'sent', false],
      ['pagerduty', 'sent', false],
    ]);
    expect(first[0]?.detail).toMatch(/could not be recorded on the ticket.*will not be sent again/u);
    expect(s.handoffNotes()).toHaveLength(0);

    const retry = await s.run({ only: ['slack', 'pagerduty'] });
    expect(retry.map((r) => [r.status, r.recorded])).toEqual([
      ['sent', true],
      ['sent', true],
    ]);
    expect(s.services.slack.messages()).toHaveLength(1);
    expect(s.services.proxy.received().filter((r) => r.service === 'pagerduty')).toHaveLength(1);
    expect(s.handoffNotes()).toHaveLength(2);
  });

  it('pages on an urgent case outside business hours only; an outage pages at any hour', async () => {
    // An admin may list the schedules: the first, the account's default, decides.
    const open = await escalated(MEDIA, { schedules: [ALWAYS_OPEN], role: 'admin' });
    const inHours = await open.run();
    expect(inHours[1]).toMatchObject({ kind: 'pagerduty', status: 'not_needed' });
    expect(inHours[1]?.detail).toMatch(/within the business hours of "Always open"/u);
    expect(open.services.pagerduty.incidents()).toHaveLength(0);

    const closed = await escalated(MEDIA, {
      schedules: [ALWAYS_OPEN, NEVER_OPEN],
      settings: { business_hours_schedule_id: '12' },
    });
    const afterHours = await closed.run();
    expect(afterHours[1]).toMatchObject({ status: 'sent' });
    expect(afterHours[1]?.detail).toMatch(/outside business hours.*"Closed"/u);
    expect(closed.services.pagerduty.incidents()[0]?.summary).toMatch(
      /urgent escalation, outside business hours/u,
    );

    const outage = await escalated(OUTAGE, { schedules: [ALWAYS_OPEN] });
    expect((await outage.run())[1]).toMatchObject({ kind: 'pagerduty', status: 'sent' });
  });

  it("reads an agent's schedule by its id, and says the holidays went unchecked", async () => {
    const open = await escalated(MEDIA, {
      schedules: [NEVER_OPEN, ALWAYS_OPEN],
      settings: { business_hours_schedule_id: '11' },
    });
    const results = await open.run();
    expect(results[1]).toMatchObject({ kind: 'pagerduty', status: 'not_needed' });
    expect(results[1]?.detail).toMatch(
      /within the business hours of "Always open".*holidays not checked: only admins may list a schedule's holidays/u,
    );
    expect(open.services.pagerduty.incidents()).toHaveLength(0);
  });

  it('pages for an agent when no schedule is set, and says the setting must be set', async () => {
    const s = await escalated(MEDIA, { schedules: [ALWAYS_OPEN] });
    const results = await s.run();
    expect(results[1]).toMatchObject({ kind: 'pagerduty', status: 'sent' });
    expect(results[1]?.detail).toMatch(
      /business hours unknown: only admins may list the account's schedules: set business_hours_schedule_id/u,
    );
    expect(s.services.pagerduty.incidents()).toHaveLength(1);
  });

  it('pages when the business hours cannot be read, and says so', async () => {
    const s = await escalated(MEDIA, { schedules: [], role: 'admin' });
    const results = await s.run();
    expect(results[1]).toMatchObject({ status: 'sent' });
    expect(results[1]?.detail).toMatch(/business hours unknown: the account has no business-hours schedule/u);
  });

  it('names the secure setting to fill when one is missing, and sends nothing for it', async () => {
    const s = await escalated(CARRIER, { secure: { ...LOCAL_SECURE_SETTINGS, carrier_webhook_url: '' } });
    const results = await s.run();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'carrier', status: 'failed' });
    expect(results[0]?.detail).toMatch(/\{\{setting\.carrier_webhook_url\}\}/u);
    expect(s.services.carrier.requests()).toHaveLength(0);
  });

  it("gives a second call for the same escalation the first one's promise (a double click)", async () => {
    const s = await escalated(CARRIER);
    const [a, b] = [s.run(), s.run()];
    expect(a).toBe(b);
    await a;
    expect(s.services.carrier.requests()).toHaveLength(1);
    expect(s.services.carrier.requests()[0]).toMatchObject({ repeats: 0, issue: 'Port-In Stuck' });
  });
});
