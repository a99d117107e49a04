/**
 * Every example case, the shared ones (read from ../shared/cases, not copied) and the project's own
 * (cases/), decided by the engine and compared with its `expect` block as shared/cases/FORMAT.md defines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundle } from './bundle';
import { decide, type Decision } from './decide';

interface Expect {
  escalate?: boolean;
  targets?: string[];
  targets_include?: string[];
  urgent_alert?: boolean;
  urgency?: string;
  tags_include?: string[];
  tags_exclude?: string[];
  follow_up_hours?: number | null;
  blocked?: boolean;
  note_includes?: string[];
  note_excludes?: string[];
  message_includes?: string[];
  message_excludes?: string[];
}

const SHARED = join(import.meta.dirname, '../../../shared/cases');
const OWN = join(import.meta.dirname, '../../cases');

function load(dir: string): { file: string; raw: { expect?: Expect } }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, raw: JSON.parse(readFileSync(join(dir, file), 'utf8')) as { expect?: Expect } }));
}

/** The same checks as shared/tools/check-cases.mjs, one failure line each. */
function problems(d: Decision, e: Expect): string[] {
  const out: string[] = [];
  const lower = (s: string) => s.toLowerCase();
  if (e.escalate !== undefined && d.escalate !== e.escalate)
    out.push(`escalate ${d.escalate}, wanted ${e.escalate}`);
  if (
    e.targets &&
    (e.targets.length !== d.targets.length || !e.targets.every((t) => (d.targets as string[]).includes(t)))
  )
    out.push(`targets [${d.targets.join()}], wanted [${e.targets.join()}]`);
  for (const t of e.targets_include ?? [])
    if (!(d.targets as string[]).includes(t)) out.push(`targets lack ${t}`);
  if (e.urgent_alert !== undefined && d.urgent_alert !== e.urgent_alert)
    out.push(`urgent_alert ${d.urgent_alert}`);
  if (e.urgency !== undefined && d.urgency !== e.urgency)
    out.push(`urgency ${d.urgency}, wanted ${e.urgency}`);
  for (const t of e.tags_include ?? []) if (!d.tags.includes(t)) out.push(`tags lack ${t}`);
  for (const t of e.tags_exclude ?? []) if (d.tags.includes(t)) out.push(`tags have ${t}`);
  if (e.follow_up_hours !== undefined && d.follow_up_hours !== e.follow_up_hours)
    out.push(`follow_up_hours ${String(d.follow_up_hours)}, wanted ${String(e.follow_up_hours)}`);
  if (e.blocked === true && (d.escalate || d.blockers.length === 0)) out.push('not blocked');
  if (e.blocked === false && d.blockers.length > 0) out.push('blocked');
  for (const s of e.note_includes ?? []) if (!lower(d.note).includes(lower(s))) out.push(`note lacks "${s}"`);
  for (const s of e.note_excludes ?? []) if (lower(d.note).includes(lower(s))) out.push(`note has "${s}"`);
  for (const s of e.message_includes ?? [])
    if (!lower(d.customer_message).includes(lower(s))) out.push(`message lacks "${s}"`);
  for (const s of e.message_excludes ?? [])
    if (lower(d.customer_message).includes(lower(s))) out.push(`message has "${s}"`);
  return out;
}

describe.each([
  ['shared cases', SHARED],
  ['own cases', OWN],
])('%s', (_name, dir) => {
  const cases = load(dir);

  it('are there to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  it.each(cases)('$file', ({ raw }) => {
    const parsed = parseBundle(raw);
    if (!parsed.ok) throw new Error(parsed.error);
    const decision = decide(parsed.bundle);
    expect(problems(decision, raw.expect ?? {})).toEqual([]);
    // Every escalation reason points at something a person can check.
    for (const r of decision.reasons) expect(r.sources.length, r.rule).toBeGreaterThan(0);
  });
});

describe('the project covers every rule', () => {
  it('has a case that fires and a near miss for every rule of the guide', async () => {
    const { RULES } = await import('./rules');
    const files = readdirSync(OWN);
    const missing = RULES.filter(
      (r) =>
        !files.some((f) => f.includes(`${r.id}-fires`)) ||
        !files.some((f) => f.includes(`${r.id}-near-miss`)),
    ).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
