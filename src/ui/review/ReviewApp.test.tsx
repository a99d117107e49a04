import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../../../fake/client';
import { createHistoryAccount, viewerGroups, REVIEW_ACCOUNT, type ReviewViewer } from '../../../fake/history';
import type { Target } from '../../engine';
import { parseSettings } from '../../zendesk';
import { axeViolations } from '../testing';
import { ReviewApp } from './ReviewApp';
import { ReviewFrame } from './ReviewFrame';

const NOW = Date.parse('2025-09-30T12:00:00Z');
const TEAM_GROUPS: Record<Target, { id: number; name: string }> = {
  trust_safety: { id: 501, name: 'Trust & Safety' },
  l2: { id: 502, name: 'Tier 2' },
  engineering: { id: 503, name: 'Engineering' },
  carrier: { id: 504, name: 'Carrier Relations' },
  legal: { id: 505, name: 'Legal' },
};

/** `installed`: no record_field_id set, the page finds the field the install created. */
function open(viewer: ReviewViewer, escalations = 60, recordField: 'setting' | 'installed' = 'setting') {
  const created = createHistoryAccount({
    now: NOW,
    teamGroups: TEAM_GROUPS,
    escalations,
    older: 4,
    suggested: 8,
    viewer,
  });
  const account =
    recordField === 'setting'
      ? created
      : {
          ...created,
          settings: Object.fromEntries(
            Object.entries(created.settings).filter(([name]) => name !== 'record_field_id'),
          ),
        };
  const client = createFakeClient(account.fake, {
    settings: account.settings,
    location: 'nav_bar',
    currentUserId: REVIEW_ACCOUNT.viewers[viewer].id,
    agentGroups: viewerGroups(viewer),
  });
  const { settings } = parseSettings(account.settings);
  const view = render(
    <ReviewFrame>
      <ReviewApp client={client} settings={settings} settingsProblems={[]} now={() => NOW} />
    </ReviewFrame>,
  );
  return { ...account, client, view };
}

const rowShown = (id: number): boolean => document.querySelector(`tr[data-ticket="${id}"]`) !== null;

const rowOf = (id: number): HTMLElement => {
  const row = document.querySelector<HTMLElement>(`tr[data-ticket="${id}"]`);
  if (row === null) throw new Error(`no row for ticket ${id}`);
  return row;
};

/** jsdom's Blob has no text(); its FileReader reads it. */
function readText(blob: Blob | undefined): Promise<string> {
  if (blob === undefined) throw new Error('nothing was downloaded');
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      reject(new Error('the download could not be read'));
    };
    reader.readAsText(blob);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

// Each test generates an account and renders a full page: generous time on a busy machine.
describe('ReviewApp', { timeout: 30_000 }, () => {
  it('shows a supervisor the escalations with their overrides and bounces', async () => {
    const { tickets } = open('supervisor');
    await screen.findByRole('heading', { name: 'Escalations' });
    const shown = tickets.filter(
      (t) =>
        t.kind === 'escalated' && t.escalatedAt !== null && Date.parse(t.escalatedAt) > NOW - 30 * 86_400_000,
    );

    const bounced = shown.filter((t) => t.bounced);
    expect(bounced.length).toBeGreaterThan(0);
    for (const truth of bounced) {
      const cells = within(rowOf(truth.id)).getAllByRole('cell');
      expect(cells.at(-1)?.textContent).toMatch(/^yes/u);
      expect(cells.at(-1)?.textContent).toContain('to Tier 1 Support');
    }
    const overridden = shown.filter((t) => t.overridden && t.overrideReason !== null);
    expect(overridden.length).toBeGreaterThan(0);
    for (const truth of overridden) {
      expect(within(rowOf(truth.id)).getByText(truth.overrideReason ?? '')).toBeTruthy();
    }
    const agreed = shown.find((t) => !t.overridden && !t.bounced && t.source === 'record');
    expect(
      within(rowOf(agreed?.id ?? 0))
        .getAllByRole('cell')
        .at(-1)?.textContent,
    ).toBe('no');

    // The totals count what the history wrote.
    const totals = screen.getByText('bounced').closest('div');
    expect(totals?.querySelector('dd')?.textContent).toBe(String(bounced.length));
    // Open tickets tagged escalation_suggested and not escalated are listed.
    for (const truth of tickets.filter((t) => t.kind === 'suggested' && t.open)) rowOf(truth.id);
  });

  it('finds the record field the install created when no id is set, with one get and no request', async () => {
    const fromNote = async (recordField: 'setting' | 'installed') => {
      const { client, fake, view } = open('supervisor', 60, recordField);
      await screen.findByRole('heading', { name: 'Escalations' });
      const count = screen.queryAllByText(/read from the note/u).length;
      const problems = screen.queryAllByText(/ticket field was not found/u).length;
      const lookups = fake.requests().filter((r) => /requirements|ticket_fields/u.test(r.url));
      const gets = client.calls.gets;
      view.unmount();
      return { count, problems, lookups, gets };
    };
    const set = await fromNote('setting');
    const found = await fromNote('installed');
    expect(found.gets).toContainEqual(['requirement:escalation_record']);
    expect(set.gets).not.toContainEqual(['requirement:escalation_record']);
    expect(found.lookups).toEqual([]);
    // The records are read as when an admin set the id: only the rows without a readable record fall back.
    expect(found.count).toBe(set.count);
    expect(found.problems).toBe(0);
  });

  it('shows ticket text as text, never as HTML', async () => {
    open('supervisor', 120);
    await screen.findByRole('heading', { name: 'Escalations' });
    expect(screen.getAllByText(/<img src=x onerror=alert\(1\)>/u).length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
  });

  it('filters to the bounced escalations', async () => {
    const { tickets } = open('supervisor');
    await screen.findByRole('heading', { name: 'Escalations' });
    await userEvent.selectOptions(screen.getByLabelText('Show'), 'bounced');
    const rows = document.querySelectorAll('tr[data-ticket]');
    const bounced = tickets.filter((t) => t.bounced && t.escalatedAt !== null);
    const suggestedOpen = tickets.filter((t) => t.kind === 'suggested' && t.open);
    expect(rows.length).toBe(bounced.length + suggestedOpen.length);
  });

  it('exports every row and the rule table as CSV', async () => {
    const { tickets } = open('supervisor');
    await screen.findByRole('heading', { name: 'Escalations' });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:review';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await userEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    const csv = await readText(blobs[0]);
    const shown = document.querySelectorAll('tr[data-ticket]');
    for (const row of shown) expect(csv).toContain(`\r\n${row.getAttribute('data-ticket') ?? ''},`);
    expect(csv).toContain('\r\nRules\r\n');
    // Reasons a spreadsheet would run as formulas arrive neutralised.
    const risky = tickets.filter(
      (t) => rowShown(t.id) && t.overrideReason !== null && /^[=+\-@]/u.test(t.overrideReason),
    );
    expect(risky.length).toBeGreaterThan(0);
    for (const truth of risky) expect(csv).toContain(`'${(truth.overrideReason ?? '').slice(0, 8)}`);
  });

  it('refuses an agent who is not a supervisor, and loads nothing', async () => {
    const { fake } = open('agent');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The escalation review is for supervisors');
    expect(fake.requests()).toEqual([]);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lets an admin in without a supervisor group', async () => {
    open('admin');
    expect(await screen.findByRole('heading', { name: 'Escalations' })).toBeTruthy();
  });

  it('has no accessibility violations', async () => {
    const { view } = open('supervisor', 10);
    await screen.findByRole('heading', { name: 'Escalations' });
    await waitFor(() => {
      expect(screen.queryByRole('status')).toBeNull();
    });
    expect(await axeViolations(view.container)).toEqual([]);
  });
});
