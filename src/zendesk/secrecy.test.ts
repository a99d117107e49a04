/**
 * What must never leak, in every text the app writes: the note, the customer message, the urgent alert and
 * the write plan a confirm carries out (its note, its reply, the linked tickets' subjects and bodies), for
 * every case of ../shared/cases and cases/. Account and card numbers go masked; the Trust & Safety
 * message is the fixed wording with nothing but the customer's name, email, reference and the agent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, parseBundle, TARGETS, type Bundle, type Decision, type Target } from '../engine';
import { findUnmaskedNumbers } from '../engine/mask';
import { customer, note, sample } from '../engine/sample';
import { buildPlan } from './plan';
import { DEFAULT_SETTINGS } from './settings';
import type { AppSettings, WritePlan } from './types';

const ROOT = join(import.meta.dirname, '../..');
const FOLDERS = [join(ROOT, '../shared/cases'), join(ROOT, 'cases')];
const SETTINGS: AppSettings = {
  ...DEFAULT_SETTINGS,
  groups: { l2: 9001, engineering: 9002, trust_safety: 9003, carrier: 9004, legal: 9005 },
};
const AGENT = { id: 21937465350021, name: 'Tomasz Nowak' };

interface Case {
  file: string;
  bundle: Bundle;
  decision: Decision;
}

const CASES: Case[] = FOLDERS.flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = parseBundle(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
      return { file, bundle: parsed.bundle, decision: decide(parsed.bundle) };
    }),
);

/** Every text of the ticket a person typed: subject, description, comments, names, organization. */
function ticketTexts(b: Bundle): string[] {
  return [
    b.ticket.subject ?? '',
    b.ticket.description ?? '',
    ...(b.comments ?? []).map((c) => c.body ?? ''),
    ...(b.users ?? []).map((u) => u.name ?? ''),
    b.organization?.name ?? '',
    ...(b.requester_tickets ?? []).map((t) => t.subject ?? ''),
  ];
}

/** The account and card numbers in the ticket's words, as written, by the masker's own definition. */
function secretsOf(b: Bundle): string[] {
  return [
    ...new Set(
      ticketTexts(b).flatMap((text) => findUnmaskedNumbers(text).map((s) => text.slice(s.start, s.end))),
    ),
  ];
}

/** A plan for the suggested teams plus one more, so every case also writes a linked ticket. */
function planFor({ bundle, decision }: Case): WritePlan {
  const suggested = decision.targets.length ? decision.targets : ['l2' as const];
  const extra = TARGETS.find((t) => !suggested.includes(t)) ?? 'legal';
  const targets: Target[] = [...suggested, extra];
  return buildPlan({
    bundle,
    decision,
    choice: {
      targets,
      overrideReason: 'second opinion',
      note: decision.note,
      message: decision.customer_message,
    },
    settings: SETTINGS,
    agent: AGENT,
  });
}

/** Every text a case makes the app write, by name. */
function outputs(c: Case): Record<string, string> {
  const plan = planFor(c);
  return {
    note: c.decision.note,
    customer_message: c.decision.customer_message,
    urgent_alert: c.decision.urgent_alert_text ?? '',
    reasons: c.decision.reasons.map((r) => r.evidence).join('\n'),
    plan_note: plan.internalNote,
    plan_message: plan.customerMessage,
    ...Object.fromEntries(plan.handoffs.map((h) => [`handoff_${h.target}`, `${h.subject}\n${h.body}`])),
  };
}

const withSecrets = CASES.filter((c) => secretsOf(c.bundle).length > 0);

describe('account and card numbers in every output', () => {
  it('the cases hold numbers to mask (the check below is not empty)', () => {
    expect(withSecrets.length).toBeGreaterThanOrEqual(3);
  });

  it.each(withSecrets)('$file: none appears unmasked', (c) => {
    const secrets = secretsOf(c.bundle);
    const leaks = Object.entries(outputs(c)).flatMap(([where, text]) =>
      secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`),
    );
    expect(leaks).toEqual([]);
  });

  it('masks them in a linked ticket’s subject, taken from the ticket’s', () => {
    const bundle = sample(
      [customer('Refund the duplicate $150 charge on my card please.'), note('Refund of $150 to do.')],
      { subject: 'Card 4111 1111 1111 1111 charged twice', refund: 150 },
    );
    const decision = decide(bundle);
    const plan = planFor({ file: 'crafted', bundle, decision });
    expect(plan.handoffs.length).toBeGreaterThan(0);
    for (const h of plan.handoffs) {
      expect(h.subject).not.toContain('4111 1111 1111 1111');
      expect(h.subject).toContain('Card ****1111 charged twice');
    }
  });

  it('masks a number typed into a name, in the note and the customer message', () => {
    const bundle = sample([customer('Refund the duplicate $150 charge please.')], { refund: 150 });
    const named = {
      ...bundle,
      users: (bundle.users ?? []).map((u) => ({ ...u, name: `4111111111111111 ${u.name ?? ''}` })),
    };
    const d = decide(named);
    expect(d.escalate).toBe(true);
    for (const text of [d.note, d.customer_message]) {
      expect(text).not.toContain('4111111111111111');
      expect(text).toContain('****1111');
    }
  });
});

/** The fixed Trust & Safety message for a channel, with the people and reference of `facts` filled in. */
function trustSafetyMessage(
  channel: string,
  values: { first: string; email: string; reference: string; agent: string },
): string {
  const reference = decide(
    sample([customer('My line was suspended and I want to appeal this.')], {
      channel,
      tags: ['account_suspended'],
    }),
  );
  expect(reference.targets[0]).toBe('trust_safety');
  // The sample's customer is Sam Lee <sam@example.com>, its ticket 777001 and its agent Ana Ruiz.
  return reference.customer_message
    .replaceAll('sam@example.com', values.email)
    .replaceAll('Sam', values.first)
    .replaceAll('777001', values.reference)
    .replaceAll('Ana Ruiz', values.agent);
}

const trustSafety = CASES.filter(
  (c) => c.decision.escalate && c.decision.targets[0] === 'trust_safety' && !reasonIs(c, 'media_inquiry'),
);

function reasonIs(c: Case, rule: string): boolean {
  return c.decision.reasons.some((r) => r.rule === rule);
}

describe('the Trust & Safety customer message', () => {
  it('is checked on the shared cases and the project’s own', () => {
    expect(trustSafety.length).toBeGreaterThanOrEqual(8);
    expect(trustSafety.some((c) => c.file.startsWith('03-'))).toBe(true);
  });

  it.each(trustSafety)('$file: is the fixed wording, with only name, email and reference', (c) => {
    const { bundle, decision } = c;
    const requester = (bundle.users ?? []).find((u) => String(u.id) === String(bundle.ticket.requester_id));
    const assignee = (bundle.users ?? []).find((u) => String(u.id) === String(bundle.ticket.assignee_id));
    const expected = trustSafetyMessage(bundle.ticket.via?.channel ?? 'email', {
      first: requester?.name?.trim().split(/\s+/)[0] ?? '[Name]',
      email: requester?.email?.trim() || '[email]',
      reference: String(bundle.ticket.id ?? '[Ticket ID]'),
      agent: assignee?.name?.trim() || '[Agent Name]',
    });
    expect(decision.customer_message).toBe(expected);
  });

  it.each(trustSafety)('$file: names no reason, rule, evidence or internal note', (c) => {
    const message = c.decision.customer_message;
    for (const r of c.decision.reasons) {
      expect(message).not.toContain(r.guide_row);
      expect(message).not.toContain(r.rule);
      for (const source of r.sources)
        if (source.kind === 'comment' || source.kind === 'subject')
          expect(message).not.toContain(source.quote);
    }
    for (const comment of c.bundle.comments ?? [])
      if (comment.public === false)
        for (const line of (comment.body ?? '').split(/[.\n]/).filter((l) => l.trim().length > 12))
          expect(message).not.toContain(line.trim());
  });
});
