/**
 * The whole sidebar against the one fake Zendesk (fake/client.ts through src/zendesk): load, suggest,
 * review, confirm once; a conflicting edit, a failed step and its retry, a change on the ticket, a
 * ticket that cannot be read, and a blocked ticket the checklist unblocks.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULES } from '../engine';
import { App } from './App';
import { t } from './i18n';
import { axeViolations, caseFile, fakeSidebar, renderUi } from './testing';

const GROUPS = {
  l2_group_id: '101',
  engineering_group_id: '102',
  trust_safety_group_id: '103',
  carrier_group_id: '104',
  legal_group_id: '105',
};
const FAKE_GROUPS = [
  { id: 101, name: 'L2' },
  { id: 102, name: 'Engineering' },
  { id: 103, name: 'Trust & Safety' },
  { id: 104, name: 'Carrier' },
  { id: 105, name: 'Legal' },
];
const VIP_ROW = RULES.find((r) => r.id === 'vip_customer')?.guideRow ?? 'vip_customer';

/** The sidebar open on a shared case in the fake, the clock standing at the case's `now`. */
function open(file: string, settingsProblems: string[] = []) {
  // Only Date is faked: the loader's clock reads the case's moment; timers and promises stay real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(caseFile(file).bundle.now));
  const h = fakeSidebar(file, GROUPS, FAKE_GROUPS);
  const view = renderUi(<App client={h.client} settings={h.settings} settingsProblems={settingsProblems} />);
  return { ...h, view, user: userEvent.setup() };
}

const REFUND = '05-duplicate-charge-refund-149.json';
const BLOCKED = '13-esim-error-no-troubleshooting-no-info.json';

/** Escalation writes the app made (not the fake's stand-in for another agent). */
const appWrites = (fake: ReturnType<typeof open>['fake']) =>
  fake.writes().filter((w) => w.origin === 'request');

afterEach(() => {
  vi.useRealTimers();
});

describe('App', () => {
  it('loads the ticket, suggests, previews the plan and escalates once', async () => {
    const { fake, ticketId, user, view } = open(REFUND);
    expect(screen.getByRole('status').textContent).toContain(t('loading'));
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
    expect(await axeViolations(view.container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: t('review.button') }));
    const preview = screen.getByRole('region', { name: t('preview.heading') });
    expect(within(preview).getByText(t('preview.group_team', { team: t('teams.l2'), id: 101 }))).toBeTruthy();
    expect(await axeViolations(view.container)).toEqual([]);

    await user.dblClick(screen.getByRole('button', { name: t('confirm.button') }));
    await screen.findByText(t('result.heading'));
    expect(screen.getByText(t('teams.l2'), { selector: 'dd' })).toBeTruthy();

    // A double click wrote once: one internal note with the escalation key, one public reply.
    const comments = fake.comments(ticketId);
    const notes = comments.filter((c) => !c.public && c.body.includes('Escalation key'));
    expect(notes.length).toBe(1);
    expect(appWrites(fake).filter((w) => w.ticketId === ticketId).length).toBe(2);
    const ticket = fake.ticket(ticketId);
    expect(ticket?.group_id).toBe(101);
    expect(ticket?.tags).toContain('escalated_l2');
  });

  it('writes nothing on a conflicting edit, decides again and says what changed', async () => {
    const { fake, ticketId, user } = open(REFUND);
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
    await user.click(screen.getByRole('button', { name: t('review.button') }));
    // Another agent tags the customer VIP just before the update lands: 409.
    fake.failNext({ kind: 'stale', change: { additional_tags: ['vip'] } });
    await user.click(screen.getByRole('button', { name: t('confirm.button') }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(t('conflict.title'))).toBeTruthy();
    expect(within(alert).getByText(t('conflict.reason_added', { row: VIP_ROW }))).toBeTruthy();
    expect(appWrites(fake).length).toBe(0);
    expect(fake.ticket(ticketId)?.tags).not.toContain('escalated_l2');

    await user.click(screen.getByRole('button', { name: t('review.button') }));
    await user.click(screen.getByRole('button', { name: t('confirm.button') }));
    await screen.findByText(t('result.heading'));
    expect(fake.ticket(ticketId)?.tags).toContain('escalated_l2');
  });

  it('shows each step of a failed write and finishes it on retry', async () => {
    const { fake, ticketId, user } = open(REFUND);
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
    await user.click(screen.getByRole('button', { name: t('review.button') }));
    fake.failNext({ status: 422, match: (r) => r.method === 'PUT', description: 'Group is not valid' });
    await user.click(screen.getByRole('button', { name: t('confirm.button') }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(t('failed.title'))).toBeTruthy();
    expect(alert.textContent).toContain(`${t('steps.ticket_update')}: ${t('steps.status.failed')}`);
    expect(fake.ticket(ticketId)?.tags).not.toContain('escalated_l2');

    await user.click(screen.getByRole('button', { name: t('failed.retry') }));
    await screen.findByText(t('result.heading'));
    expect(fake.ticket(ticketId)?.tags).toContain('escalated_l2');
  });

  it('decides again when the ticket changes under the agent, and says what changed', async () => {
    const { fake, ticketId } = open(REFUND);
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
    fake.simulateConcurrentEdit(ticketId, { additional_tags: ['vip'] });
    const notice = await screen.findByText(t('suggestion.changed'));
    const banner = notice.closest('[role="status"]') as HTMLElement;
    expect(within(banner).getByText(t('conflict.reason_added', { row: VIP_ROW }))).toBeTruthy();
    expect(screen.getByRole('region', { name: t('reasons.heading') }).textContent).toContain(VIP_ROW);
  });

  it('offers no confirm on a blocked ticket until the checklist clears it', async () => {
    const { user } = open(BLOCKED);
    await screen.findByText(t('suggestion.not_yet'));
    expect(screen.queryByRole('button', { name: t('review.button') })).toBeNull();

    const ask = (name: RegExp) => within(screen.getByRole('group', { name }));
    await user.click(ask(/troubleshooting steps/).getByRole('radio', { name: t('answer.yes') }));
    await user.click(ask(/all the information/).getByRole('radio', { name: t('answer.yes') }));
    expect(screen.getByText(t('suggestion.escalate', { teams: t('teams.engineering') }))).toBeTruthy();
    expect(screen.getByRole('button', { name: t('review.button') })).toBeTruthy();
  });

  it('says what failed when the ticket cannot be read, and tries again', async () => {
    const { fake, user } = open(REFUND);
    fake.failNext({ status: 404, match: (r) => r.method === 'GET' && /\/tickets\/\d+\.json/.test(r.url) });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(t('error.load_title'))).toBeTruthy();
    await user.click(within(alert).getByRole('button', { name: t('error.retry') }));
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
  });

  it('lists settings an admin must fix above the suggestion', async () => {
    open(REFUND, ['stuck_hours must be a number; got "three days". It is ignored.']);
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
    expect(screen.getByText(t('error.settings_title'))).toBeTruthy();
    expect(screen.getByText('stuck_hours must be a number; got "three days". It is ignored.')).toBeTruthy();
  });
});
