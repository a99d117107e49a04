import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewMessage } from './advice';
import { parseBundle, type Bundle } from './bundle';
import { decide } from './decide';
import {
  dateFieldValue,
  dueAfter,
  followUpHours,
  followUpMessage,
  followUpMessageInput,
  followUpState,
  GUIDE_FOLLOW_UP,
} from './followup';
import { TARGETS, TEAMS } from './teams';

const SHARED = join(import.meta.dirname, '../../../shared/cases');
const OWN = join(import.meta.dirname, '../../cases');
const all: { file: string; bundle: Bundle }[] = [SHARED, OWN].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => {
      const parsed = parseBundle(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
      return { file, bundle: parsed.bundle };
    }),
);
const byFile = (file: string): Bundle => {
  const found = all.find((entry) => entry.file === file);
  if (!found) throw new Error(`no case ${file}`);
  return found.bundle;
};

const DUE = '2026-03-10T12:00:00.000Z';
const at = (hoursFromDue: number) => new Date(Date.parse(DUE) + hoursFromDue * 3_600_000).toISOString();

describe('followUpHours: the one rule', () => {
  it("is the team's interval for one team and the shortest for several", () => {
    expect(followUpHours(['carrier'])).toBe(72);
    expect(followUpHours(['engineering'])).toBe(48);
    expect(followUpHours(['trust_safety'])).toBe(48);
    expect(followUpHours(['l2', 'legal'])).toBe(24);
    expect(followUpHours(['engineering', 'carrier'])).toBe(48);
    expect(followUpHours([])).toBeNull();
  });

  it("is what every escalating case's decision says", () => {
    for (const { file, bundle } of all) {
      const decision = decide(bundle);
      expect(decision.follow_up_hours, file).toBe(decision.escalate ? followUpHours(decision.targets) : null);
    }
  });
});

describe('followUpState', () => {
  it('counts whole hours until the due time', () => {
    expect(followUpState(DUE, at(-30.5))).toEqual({
      kind: 'upcoming',
      hours: 30,
      dueAt: DUE,
      sendable: false,
    });
    expect(followUpState(DUE, at(-1))).toEqual({ kind: 'upcoming', hours: 1, dueAt: DUE, sendable: false });
  });

  it('is due within the hour either side, sendable from the due time on', () => {
    expect(followUpState(DUE, at(-0.5))).toEqual({ kind: 'due', dueAt: DUE, sendable: false });
    expect(followUpState(DUE, DUE)).toEqual({ kind: 'due', dueAt: DUE, sendable: true });
    expect(followUpState(DUE, at(0.99))).toEqual({ kind: 'due', dueAt: DUE, sendable: true });
  });

  it('counts whole hours overdue', () => {
    expect(followUpState(DUE, at(1))).toEqual({ kind: 'overdue', hours: 1, dueAt: DUE, sendable: true });
    expect(followUpState(DUE, new Date(at(49.9)))).toEqual({
      kind: 'overdue',
      hours: 49,
      dueAt: DUE,
      sendable: true,
    });
    expect(followUpState(DUE, Date.parse(at(200)))).toMatchObject({ kind: 'overdue', hours: 200 });
  });

  it('shows a due time that is not a date as due, never hides it', () => {
    expect(followUpState('soon', DUE)).toEqual({ kind: 'due', dueAt: 'soon', sendable: true });
  });
});

describe('dueAfter and dateFieldValue', () => {
  it('adds the hours and gives the UTC calendar day Zendesk date fields hold', () => {
    expect(dueAfter('2026-03-10T23:30:00Z', 24)).toBe('2026-03-11T23:30:00.000Z');
    expect(dateFieldValue('2026-03-11T23:30:00.000Z')).toBe('2026-03-11');
    expect(dateFieldValue(dueAfter('2026-03-10T23:30:00Z', 1))).toBe('2026-03-11');
  });
});

describe('followUpMessage', () => {
  it("is the guide's message in the chat variant, with name, team and reference", () => {
    const message = followUpMessage({
      team: 'carrier',
      channel: 'chat',
      firstName: 'Danielle',
      ticketId: '8812',
      agentName: 'Sam',
    });
    expect(message).toBe(
      [
        'Hi Danielle, just checking in on your case.',
        '',
        "I see it's still with our carrier team. Let me ping them again to make sure it's moving along.",
        '',
        "I'll update you as soon as I hear back. Thanks for your patience!",
        '',
        'Your reference number is #8812.',
      ].join('\n'),
    );
  });

  it('signs the email variant and leaves visible placeholders for what is unknown', () => {
    const message = followUpMessage({
      team: 'l2',
      channel: 'email',
      firstName: null,
      ticketId: null,
      agentName: null,
    });
    expect(message.startsWith('Hi [Name],\n\nJust checking in on your case.\n\n')).toBe(true);
    expect(message).toContain('our senior support team');
    expect(message).toContain('Your reference number is: [Ticket ID]');
    expect(message.endsWith('Best,\n[Agent Name]\nMeow Mobile Support')).toBe(true);
  });

  it('never names Trust & Safety to the customer', () => {
    const message = followUpMessage({
      team: 'trust_safety',
      channel: 'email',
      firstName: 'Ines',
      ticketId: '1',
      agentName: 'Sam',
    });
    expect(message).toContain('our specialized review team');
    expect(message.toLowerCase()).not.toMatch(/trust|safety/u);
  });

  it("reads the customer's first name, the ticket and its channel from the bundle", () => {
    const input = followUpMessageInput(byFile('01-port-in-rejected-four-times.json'), 'carrier', ' Sam Lee ');
    expect(input).toMatchObject({
      firstName: 'Danielle',
      channel: 'email',
      agentName: 'Sam Lee',
      team: 'carrier',
    });
    expect(input.ticketId).toBe(String(byFile('01-port-in-rejected-four-times.json').ticket.id));
    const chat = all.find(({ bundle }) => bundle.ticket.via?.channel === 'chat');
    if (chat) expect(followUpMessageInput(chat.bundle, 'l2', null).channel).toBe('chat');
  });

  it("passes the guide's wording review with no findings, for every case, team and channel", () => {
    for (const { file, bundle } of all) {
      for (const team of TARGETS) {
        for (const channel of ['chat', 'email'] as const) {
          const message = followUpMessage({ ...followUpMessageInput(bundle, team, 'Sam Lee'), channel });
          // The guide's own words are safe; the name, the team and the reference must be too.
          const context = { bundle, decision: { targets: [team], customer_message: GUIDE_FOLLOW_UP } };
          expect(reviewMessage(message, context), `${file} ${team} ${channel}`).toEqual([]);
        }
      }
    }
  });

  it("is reviewed for real: a DON'T-say line added to it is found", () => {
    const bundle = byFile('01-port-in-rejected-four-times.json');
    const message = `${followUpMessage(followUpMessageInput(bundle, 'carrier', 'Sam'))}\nYou'll have to wait.`;
    const context = {
      bundle,
      decision: { targets: ['carrier' as const], customer_message: GUIDE_FOLLOW_UP },
    };
    expect(reviewMessage(message, context).map((problem) => problem.kind)).toEqual(['dont_say']);
  });

  it('names each team the way the guide speaks to customers', () => {
    for (const team of TARGETS) {
      const message = followUpMessage({
        team,
        channel: 'chat',
        firstName: 'A',
        ticketId: '1',
        agentName: null,
      });
      expect(message).not.toContain(TEAMS[team].tag);
      expect(message).toMatch(/still with our [a-z ]+ team\./u);
    }
  });
});
