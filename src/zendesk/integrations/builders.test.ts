import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide, type Decision, type Target } from '../../engine';
import { adfProblem } from '../../../fake/services/jira';
import { caseBundle, SHARED_CASES } from '../../ui/testing';
import { buildPlan } from '../plan';
import { DEFAULT_SETTINGS } from '../settings';
import { carrierCall } from './carrier';
import { zafRequestFor } from './external';
import { jiraCreateCall, jiraSearchCall, jiraSummary, toAdf } from './jira';
import { pagerDutyCall, pagerDutyDedupKey } from './pagerduty';
import { labelled, noteSection, planHandoffs, type HandoffPlan } from './plan';
import { HANDOFFS_OFF, type HandoffSettings } from './settings';
import { slackCall, slackText } from './slack';

const ALL_ON: HandoffSettings = {
  slack: true,
  pagerduty: { scheduleId: null },
  jira: { site: 'acme.atlassian.net', projectKey: 'ENG', issueType: 'Bug' },
  carrier: true,
};
const JIRA = { site: 'acme.atlassian.net', projectKey: 'ENG', issueType: 'Bug' };

/** The hand-off plan of a shared case confirmed as the guide suggests, with `settings`. */
function planFor(file: string, settings: HandoffSettings = ALL_ON, targets?: Target[]): HandoffPlan | null {
  const bundle = caseBundle(file);
  const decision: Decision = decide(bundle);
  const chosen = targets ?? decision.targets;
  const plan = buildPlan({
    bundle,
    decision,
    choice: { targets: chosen, overrideReason: targets ? 'testing' : null, note: decision.note, message: '' },
    settings: DEFAULT_SETTINGS,
    agent: { id: 7, name: 'Agent' },
  });
  return planHandoffs({ plan, decision, targets: chosen, subject: bundle.ticket.subject ?? '', settings });
}

function need(plan: HandoffPlan | null): HandoffPlan {
  if (plan === null) throw new Error('expected hand-offs');
  return plan;
}

describe('planHandoffs', () => {
  it.each<[string, string[], boolean]>([
    ['08-columbus-outage-17-tickets.json', ['slack', 'pagerduty', 'jira', 'carrier'], true],
    ['04-app-shows-other-customers-data.json', ['slack', 'pagerduty'], true],
    ['12-reporter-press-inquiry.json', ['slack', 'pagerduty'], false],
    ['10-vip-plan-change-bug.json', ['jira'], false],
    ['01-port-in-rejected-four-times.json', ['carrier'], false],
  ])('%s: %j, paging at any hour: %s', (file, kinds, always) => {
    const plan = need(planFor(file));
    expect(plan.kinds).toEqual(kinds);
    expect(plan.pageAlways).toBe(always);
    expect(plan.alert === null).toBe(!kinds.includes('slack'));
  });

  it('plans nothing when nothing is configured, or nothing applies', () => {
    expect(planFor('08-columbus-outage-17-tickets.json', HANDOFFS_OFF)).toBeNull();
    expect(planFor('05-duplicate-charge-refund-149.json')).toBeNull();
  });

  it('follows the teams the agent chose, not only the suggestion', () => {
    expect(need(planFor('05-duplicate-charge-refund-149.json', ALL_ON, ['l2', 'engineering'])).kinds).toEqual(
      ['jira'],
    );
    expect(planFor('10-vip-plan-change-bug.json', ALL_ON, ['l2'])).toBeNull();
  });
});

describe('the note sections the hand-offs quote', () => {
  it('cuts one section out of the note and reads its labelled lines, treating placeholders as unknown', () => {
    const note = '## A\n**Issue:** Port-In Stuck\n**Carrier:** [carrier name]\n\n## B\nother\n---\nfooter';
    const section = noteSection(note, 'A') ?? '';
    expect(section).toBe('**Issue:** Port-In Stuck\n**Carrier:** [carrier name]');
    expect(labelled(section, 'Issue')).toBe('Port-In Stuck');
    expect(labelled(section, 'Carrier')).toBeNull();
    expect(noteSection(note, 'B')).toBe('other');
    expect(noteSection(note, 'C')).toBeNull();
  });
});

describe('Slack', () => {
  it('escapes ticket text, turns @channel into a channel mention and links the ticket', () => {
    const text = slackText(
      '@channel URGENT\nIssue: <script> & "Bob" > you',
      42,
      'https://acme.zendesk.com/agent/tickets/42',
    );
    expect(text).toBe(
      '<!channel> URGENT\nIssue: &lt;script&gt; &amp; "Bob" &gt; you\n\n<https://acme.zendesk.com/agent/tickets/42|Zendesk ticket #42>',
    );
    expect(slackText('x'.repeat(10_000), 1, null).length).toBeLessThanOrEqual(3_000);
  });

  it('posts to the secure setting itself, through the proxy, as JSON', () => {
    const request = zafRequestFor(slackCall('@channel URGENT', 1, null));
    expect(request).toMatchObject({
      url: '{{setting.slack_webhook_url}}',
      type: 'POST',
      secure: true,
      contentType: 'application/json',
      dataType: 'text',
      autoRetry: false,
    });
    expect(JSON.parse(request.data as string)).toEqual({ text: '<!channel> URGENT\n\nZendesk ticket #1' });
  });
});

describe('PagerDuty', () => {
  const plan = need(planFor('08-columbus-outage-17-tickets.json'));
  const at = new Date('2026-03-02T03:00:00Z');

  it('triggers with the routing key placeholder, a dedup key per escalation and a critical severity', () => {
    const call = pagerDutyCall(plan, {
      ticketUrl: 'https://acme.zendesk.com/agent/tickets/1',
      source: 'acme.zendesk.com',
      reason: 'outage',
      at,
    });
    expect(call.url).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(call.body).toMatchObject({
      routing_key: '{{setting.pagerduty_routing_key}}',
      event_action: 'trigger',
      dedup_key: `zendesk-${plan.escalationKey}`,
      payload: { source: 'acme.zendesk.com', severity: 'critical', timestamp: '2026-03-02T03:00:00.000Z' },
      links: [{ href: 'https://acme.zendesk.com/agent/tickets/1' }],
    });
  });

  it("keeps to PagerDuty's limits: summary 1024 characters, dedup key 255", () => {
    const long = { ...plan, subject: 'outage '.repeat(400) };
    const body = pagerDutyCall(long, { ticketUrl: null, source: 'Zendesk', reason: 'outage', at }).body as {
      payload: { summary: string };
    };
    expect(body.payload.summary.length).toBe(1024);
    expect(pagerDutyDedupKey('k'.repeat(400))).toHaveLength(255);
  });
});

describe('Jira', () => {
  const plan = need(planFor('08-columbus-outage-17-tickets.json'));

  it('searches the project for the escalation key as a label, with the credentials placeholder', () => {
    const call = jiraSearchCall(JIRA, 'eg-1-"quoted"');
    expect(call.url).toBe('https://acme.atlassian.net/rest/api/3/search/jql');
    expect(call.headers?.Authorization).toBe('Basic {{setting.jira_credentials}}');
    expect(call.body).toEqual({
      jql: 'project = "ENG" AND labels = "eg-1-\\"quoted\\""',
      fields: ['summary'],
      maxResults: 1,
    });
  });

  it('creates an issue whose summary is one line of at most 255 characters naming the ticket', () => {
    expect(jiraSummary(plan)).toMatch(new RegExp(`^\\[Zendesk #${String(plan.ticketId)}\\] \\S`, 'u'));
    const long = jiraSummary({
      ...plan,
      note: `## Engineering Escalation\n**Issue:** ${'x\n'.repeat(10)}${'y'.repeat(400)}`,
    });
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long).not.toMatch(/\n/u);
    const fields = (jiraCreateCall(JIRA, plan, null).body as { fields: Record<string, unknown> }).fields;
    expect(fields).toMatchObject({
      project: { key: 'ENG' },
      issuetype: { name: 'Bug' },
      labels: [plan.escalationKey, `zendesk-${String(plan.ticketId)}`],
    });
  });

  it.each(readdirSync(SHARED_CASES).filter((file) => file.endsWith('.json')))(
    '%s: the note becomes a valid Atlassian document',
    (file) => {
      const bundle = caseBundle(file);
      const decision = decide(bundle);
      const doc = toAdf(decision.note, {
        ticketId: 1,
        ticketUrl: 'https://acme.zendesk.com/agent/tickets/1',
        escalationKey: 'eg-1-x',
      });
      expect(adfProblem(doc)).toBeNull();
      expect(JSON.stringify(doc)).toContain('Escalation key: eg-1-x');
    },
  );

  it('keeps markup in ticket text as text: headings, lists, bold labels and nothing else', () => {
    const doc = toAdf('### Steps\n1. <b>open</b> app\n2. \n- **Error:** "E42" & <img>\nplain', {
      ticketId: 9,
      ticketUrl: null,
      escalationKey: 'k',
    });
    expect(adfProblem(doc)).toBeNull();
    expect(doc.content.map((block) => block.type)).toEqual([
      'paragraph',
      'heading',
      'orderedList',
      'bulletList',
      'paragraph',
      'paragraph',
    ]);
    expect(JSON.stringify(doc)).toContain('"text":"<b>open</b> app"');
    expect(JSON.stringify(doc)).toContain(
      '{"type":"text","text":"Error:","marks":[{"type":"strong"}]},{"type":"text","text":" \\"E42\\" & <img>"}',
    );
  });
});

describe('carrier webhook', () => {
  it('sends the carrier section with an idempotency key equal to the escalation key', () => {
    const plan = need(planFor('01-port-in-rejected-four-times.json'));
    const call = carrierCall(plan, 'https://acme.zendesk.com/agent/tickets/5');
    expect(call.url).toBe('{{setting.carrier_webhook_url}}');
    expect(call.headers).toEqual({ 'Idempotency-Key': plan.escalationKey });
    expect(call.body).toMatchObject({
      type: 'carrier_escalation',
      escalation_key: plan.escalationKey,
      ticket: { id: plan.ticketId, url: 'https://acme.zendesk.com/agent/tickets/5' },
      carrier: 'Verizon',
      issue: 'Port-In Stuck',
    });
    expect((call.body as { note: string }).note).toMatch(/^\*\*Issue:\*\* Port-In Stuck/u);
    expect((call.body as { note: string }).note).not.toContain('## ESCALATION NOTE');
  });
});
