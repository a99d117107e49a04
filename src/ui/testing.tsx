/**
 * Test helpers for the sidebar's component tests: a shared case decided by the real engine, rendering
 * inside Garden's theme, and an axe-core run on the rendered DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, type RenderResult } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { decide, parseBundle, type Bundle, type Decision } from '../engine';
import { createFakeClient } from '../../fake/client';
import { createFakeZendesk } from '../../fake/zendesk';
import { DEFAULT_SETTINGS, parseSettings } from '../zendesk';
import type { AppSettings } from '../zendesk/types';
import type { ChecklistAnswers } from './Checklist';
import { Frame } from './Frame';

/** The shared cases (../shared/cases beside the project), read in place, never copied. */
export const SHARED_CASES = join(import.meta.dirname, '../../../shared/cases');

/** A shared case's bundle as the engine parses it. */
export function caseBundle(file: string): Bundle {
  const parsed = parseBundle(JSON.parse(readFileSync(join(SHARED_CASES, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return parsed.bundle;
}

/** A shared case decided by the real engine. */
export function caseDecision(file: string): Decision {
  return decide(caseBundle(file));
}

/** The checklist answers a case file starts with. */
export function answersOf(bundle: Bundle): ChecklistAnswers {
  const out: ChecklistAnswers = {};
  for (const [key, value] of Object.entries(bundle.agent_checklist ?? {})) {
    if (typeof value === 'boolean') out[key as keyof ChecklistAnswers] = value;
  }
  return out;
}

/** Settings with a group for every team, as an installed app would have. */
export const SETTINGS: AppSettings = {
  ...DEFAULT_SETTINGS,
  groups: { l2: 101, engineering: 102, trust_safety: 103, carrier: 104, legal: 105 },
  escalatedStatusId: 9001,
};

/** Renders inside Garden's theme, as app/main.tsx does. */
export function renderUi(node: ReactNode): RenderResult {
  return render(<Frame>{node}</Frame>);
}

/**
 * axe-core's violations on `element`, one line each. Colour contrast needs layout and a canvas, which
 * jsdom lacks, so that one rule is left to the browser tests.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const result = await axe.run(element, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** The raw case file (a bundle in Zendesk's REST shapes), as the fake is seeded with it. */
export function caseFile(file: string): {
  bundle: { now: string; ticket: { id: number }; settings?: unknown };
} {
  return JSON.parse(readFileSync(join(SHARED_CASES, file), 'utf8')) as {
    bundle: { now: string; ticket: { id: number }; settings?: unknown };
  };
}

/** A case's settings as an admin types them into the manifest parameters: every value as text. */
function asParameters(settings: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries((settings ?? {}) as Record<string, unknown>).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : String(value),
    ]),
  );
}

/**
 * The fake Zendesk seeded with a shared case (its clock at the case's `now`) and a fake ZAF client on
 * its ticket, with `parameters` added to the case's settings. (src/zendesk/testkit.ts does the same for
 * node tests; its `new URL(..., import.meta.url)` does not resolve under jsdom.)
 */
export function fakeSidebar(
  file: string,
  parameters: Record<string, string>,
  groups: readonly { id: number; name: string }[],
) {
  const { bundle } = caseFile(file);
  const fake = createFakeZendesk({ now: () => Date.parse(bundle.now), groups });
  fake.seed(bundle);
  const raw = { ...asParameters(bundle.settings), ...parameters };
  const client = createFakeClient(fake, { ticketId: bundle.ticket.id, settings: raw });
  return { fake, client, settings: parseSettings(raw).settings, ticketId: bundle.ticket.id, now: bundle.now };
}
