/**
 * Shared set-up for the src/zendesk tests: the shared cases, a fake Zendesk seeded with one of them and a
 * fake ZAF client on its ticket. Only tests import this module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFakeClient, type FakeClient, type FakeClientOptions } from '../../fake/client';
import { createFakeZendesk, type FakeZendesk, type FakeZendeskOptions } from '../../fake/zendesk';
import { parseSettings } from './settings';
import type { AppSettings } from './types';

/** shared/cases beside the project. */
export const CASES_DIR = fileURLToPath(new URL('../../../shared/cases/', import.meta.url));

/** One shared case file: its name, its bundle (as JSON) and what it expects. */
export interface CaseFile {
  file: string;
  bundle: Record<string, unknown> & { now: string; ticket: { id: number } };
}

/** Every case in shared/cases, in file order. */
export function sharedCases(): CaseFile[] {
  return readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const data = JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as { bundle: CaseFile['bundle'] };
      return { file, bundle: data.bundle };
    });
}

/** A case's `settings` as an admin types them into the manifest parameters: every value as text. */
export function asManifestParameters(settings: unknown): Record<string, string> {
  const entries = Object.entries((settings ?? {}) as Record<string, unknown>);
  return Object.fromEntries(
    entries.map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]),
  );
}

/** A fake Zendesk seeded with `bundle`, whose clock stands at `bundle.now`, and a client on its ticket. */
export interface Harness {
  fake: FakeZendesk;
  client: FakeClient;
  settings: AppSettings;
  ticketId: number;
}

export function harness(
  bundle: { now: string; ticket: { id: number }; settings?: unknown },
  options: {
    fake?: FakeZendeskOptions;
    client?: FakeClientOptions;
    settings?: Record<string, unknown>;
  } = {},
): Harness {
  const fake = createFakeZendesk({ now: () => Date.parse(bundle.now), ...options.fake });
  fake.seed(bundle);
  const parameters = { ...asManifestParameters(bundle.settings), ...options.settings };
  const client = createFakeClient(fake, {
    ticketId: bundle.ticket.id,
    settings: parameters,
    ...options.client,
  });
  return { fake, client, settings: parseSettings(parameters).settings, ticketId: bundle.ticket.id };
}
