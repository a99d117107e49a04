/**
 * The follow-up panel and the save guard in the whole sidebar, against the one fake Zendesk: an escalated
 * ticket's follow-up shown and sent once, a blocked solve and "solve anyway", and a warned save.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatRecord, parseRecord, type EscalationRecord } from '../zendesk/record';
import { App } from './App';
import { t } from './i18n';
import { axeViolations, caseFile, fakeSidebar, renderUi } from './testing';

const CARRIER_CASE = '01-port-in-rejected-four-times.json';
const RECORD_FIELD = 27493018470002;
const DATE_FIELD = 27493018470001;
const HOUR = 3_600_000;
const PARAMETERS = {
  carrier_group_id: '104',
  l2_group_id: '101',
  record_field_id: String(RECORD_FIELD),
  follow_up_field_id: String(DATE_FIELD),
};
const GROUPS = [
  { id: 101, name: 'L2' },
  { id: 104, name: 'Carrier' },
];

/** The carrier case escalated `hoursAgo` hours before its `now`, its follow-up due `dueIn` hours from now. */
function escalatedCase(dueIn: number) {
  const now = Date.parse(caseFile(CARRIER_CASE).bundle.now);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  const h = fakeSidebar(CARRIER_CASE, PARAMETERS, GROUPS);
  const record: EscalationRecord = {
    v: 1,
    key: `eg-${h.ticketId}-0badc0de`,
    at: new Date(now - 80 * HOUR).toISOString(),
    by: { id: 7, name: 'Priya Raman' },
    suggested: ['carrier'],
    chosen: ['carrier'],
    override: null,
    urgency: 'medium',
    rules: ['port_in_rejected_3_plus'],
    followUp: { dueAt: new Date(now + dueIn * HOUR).toISOString(), hours: 72, sent: 0 },
  };
  h.fake.simulateConcurrentEdit(h.ticketId, {
    group_id: 104,
    additional_tags: ['escalated_carrier'],
    custom_fields: [
      { id: RECORD_FIELD, value: formatRecord(record) },
      { id: DATE_FIELD, value: record.followUp.dueAt.slice(0, 10) },
    ],
  });
  return { ...h, record, now, user: userEvent.setup() };
}

/** Captures the `ticket.save` handler the app registers, to play Zendesk's Submit. */
function withSaveHook(client: ReturnType<typeof fakeSidebar>['client']) {
  let hook: (() => unknown) | null = null;
  const on = client.on.bind(client);
  client.on = (event, handler) => {
    if (event === 'ticket.save') hook = handler;
    on(event, handler);
  };
  return {
    save: async (): Promise<unknown> => {
      await vi.waitFor(() => {
        expect(hook).not.toBeNull();
      });
      return hook?.();
    },
  };
}

const appWrites = (fake: ReturnType<typeof fakeSidebar>['fake']) =>
  fake.writes().filter((w) => w.origin === 'request');

afterEach(() => {
  vi.useRealTimers();
});

describe('the follow-up panel', () => {
  it('shows an overdue follow-up and sends it once, re-arming the record', async () => {
    const h = escalatedCase(-5);
    const view = renderUi(<App client={h.client} settings={h.settings} />);
    const panel = await screen.findByRole('region', { name: t('followup.heading') });
    expect(within(panel).getByText(t('teams.carrier'), { selector: 'dd' })).toBeTruthy();
    expect(within(panel).getByText('Priya Raman')).toBeTruthy();
    expect(panel.textContent).toContain(
      t('followup.overdue', { hours: 5, time: new Date(h.record.followUp.dueAt).toLocaleString() }),
    );
    // The suggestion still works below it.
    expect(screen.getByRole('button', { name: t('review.button') })).toBeTruthy();
    const box = within(panel).getByRole('textbox');
    expect((box as HTMLTextAreaElement).value).toMatch(/^Hi Danielle,\n\nJust checking in on your case\./u);
    expect((box as HTMLTextAreaElement).value).toContain('still with our carrier team');
    expect(await axeViolations(view.container)).toEqual([]);

    await h.user.dblClick(within(panel).getByRole('button', { name: t('followup.send') }));
    await screen.findByText(t('followup.done', { time: new Date(h.now + 72 * HOUR).toLocaleString() }));
    expect(appWrites(h.fake)).toHaveLength(1);
    const stored = h.fake.ticket(h.ticketId)?.custom_fields.find((f) => f.id === RECORD_FIELD)?.value;
    expect(parseRecord(stored)).toEqual({
      record: {
        ...h.record,
        followUp: { dueAt: new Date(h.now + 72 * HOUR).toISOString(), hours: 72, sent: 1 },
      },
    });
    const replies = h.fake
      .comments(h.ticketId)
      .filter((c) => c.public && c.body.includes('Just checking in'));
    expect(replies).toHaveLength(1);
    // Read again: due in 72 h, one follow-up sent, no send button any more.
    await screen.findByText(t('followup.sent'));
    expect(screen.queryByRole('button', { name: t('followup.send') })).toBeNull();
  }, 30_000);

  it('offers no message before the follow-up is due', async () => {
    const h = escalatedCase(30);
    renderUi(<App client={h.client} settings={h.settings} />);
    const panel = await screen.findByRole('region', { name: t('followup.heading') });
    expect(panel.textContent).toContain(
      t('followup.due_in', { hours: 30, time: new Date(h.record.followUp.dueAt).toLocaleString() }),
    );
    expect(within(panel).queryByRole('textbox')).toBeNull();
  });

  it('says plainly when the record cannot be read', async () => {
    const h = escalatedCase(-5);
    h.fake.simulateConcurrentEdit(h.ticketId, {
      custom_fields: [{ id: RECORD_FIELD, value: 'edited by hand' }],
    });
    renderUi(<App client={h.client} settings={h.settings} />);
    expect(await screen.findByText(t('followup.broken_title'))).toBeTruthy();
    expect(screen.getByText('the escalation record is not valid JSON')).toBeTruthy();
    expect(screen.queryByRole('region', { name: t('followup.heading') })).toBeNull();
  });
});

describe('the save guard', () => {
  it('blocks solving an open escalation, then lets it through after "solve anyway" with a recorded reason', async () => {
    const h = escalatedCase(30);
    const hook = withSaveHook(h.client);
    renderUi(<App client={h.client} settings={h.settings} />);
    await screen.findByRole('region', { name: t('followup.heading') });
    await h.client.set('ticket.status', 'solved');

    await expect(hook.save()).rejects.toThrow(t('guard.block_message', { status: 'solved' }));
    const alert = await screen.findByText(t('guard.blocked_title', { status: 'solved' }));
    const banner = alert.closest('[role="alert"]') as HTMLElement;
    expect(banner.textContent).toContain('The escalation to Carrier');
    expect(h.client.calls.invokes.map((i) => i.name)).toContain('appsTray.show');

    await h.user.click(within(banner).getByRole('button', { name: t('guard.anyway') }));
    await h.user.click(within(banner).getByRole('button', { name: t('guard.anyway_submit') }));
    expect(within(banner).getByText(t('guard.anyway_missing'))).toBeTruthy();
    expect(appWrites(h.fake)).toHaveLength(0);
    await h.user.type(within(banner).getByRole('textbox'), 'Carrier confirmed the port by phone.');
    await h.user.dblClick(within(banner).getByRole('button', { name: t('guard.anyway_submit') }));
    await screen.findByText(t('guard.anyway_done', { status: 'solved' }));

    const notes = h.fake.comments(h.ticketId).filter((c) => !c.public && c.body.includes('anyway'));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toContain('Reason given: Carrier confirmed the port by phone.');
    expect(appWrites(h.fake)).toHaveLength(1);
    await expect(hook.save()).resolves.toBe(true);
  }, 30_000);

  it('warns and tags a ticket saved without the escalation the guide calls for', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(caseFile(CARRIER_CASE).bundle.now));
    const h = fakeSidebar(CARRIER_CASE, PARAMETERS, GROUPS);
    const hook = withSaveHook(h.client);
    renderUi(<App client={h.client} settings={h.settings} />);
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.carrier') }));
    await expect(hook.save()).resolves.toBe(true);
    expect(await screen.findByText(t('guard.warn_title'))).toBeTruthy();
    expect((await h.client.get('ticket.tags'))['ticket.tags']).toContain('escalation_suggested');
    expect(h.client.calls.invokes.find((i) => i.name === 'notify')?.args[0]).toBe(
      t('guard.warn_notify', { teams: t('teams.carrier') }),
    );
  });
});
