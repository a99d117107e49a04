/** The hand-offs in the preview and after a confirm: what is shown, and the retry of what failed. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { HandoffPlan, HandoffResult } from '../zendesk/integrations';
import { HandoffPreview, HandoffResults } from './Handoffs';
import { t } from './i18n';
import { axeViolations, renderUi } from './testing';
import type { Handoffs } from './useHandoffs';

const PLAN: HandoffPlan = {
  escalationKey: 'eg-1-abc',
  ticketId: 1,
  subject: 'Outage',
  urgency: 'critical',
  targets: ['engineering', 'carrier'],
  rules: ['widespread_outage'],
  alert: '@channel URGENT ESCALATION',
  note: 'note',
  customerEmail: null,
  pageAlways: false,
  kinds: ['slack', 'pagerduty', 'jira', 'carrier'],
  settings: {
    slack: true,
    pagerduty: { scheduleId: null },
    jira: { site: 'acme.atlassian.net', projectKey: 'ENG', issueType: 'Task' },
    carrier: true,
  },
};

const handoffs = (results: HandoffResult[] | null, over: Partial<Handoffs> = {}): Handoffs => ({
  plan: PLAN,
  results,
  running: false,
  retry: vi.fn(),
  resend: vi.fn(),
  ...over,
});

describe('HandoffPreview', () => {
  it('lists what a confirm will also send, in order', () => {
    renderUi(<HandoffPreview plan={PLAN} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      t('handoffs.plan.slack'),
      t('handoffs.plan.pagerduty_hours'),
      t('handoffs.plan.jira', { project: 'ENG', type: 'Task' }),
      t('handoffs.plan.carrier'),
    ]);
  });

  it('shows nothing when no hand-off applies', () => {
    renderUi(<HandoffPreview plan={null} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByText(t('handoffs.preview'))).toBeNull();
  });
});

describe('HandoffResults', () => {
  it('says they are being sent until they have an outcome', () => {
    renderUi(<HandoffResults handoffs={handoffs(null)} />);
    expect(screen.getByRole('status').textContent).toContain(t('handoffs.running'));
  });

  it('shows each outcome, links the Jira issue, and offers no retry when all went through', async () => {
    const { container } = renderUi(
      <HandoffResults
        handoffs={handoffs([
          { kind: 'slack', status: 'sent', detail: 'Urgent alert posted to Slack.', recorded: true },
          { kind: 'pagerduty', status: 'not_needed', detail: 'No page: within hours.', recorded: true },
          {
            kind: 'jira',
            status: 'already_sent',
            detail: 'Jira issue ENG-4 created',
            recorded: true,
            link: { href: 'https://acme.atlassian.net/browse/ENG-4', text: 'ENG-4' },
          },
        ])}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain(
      `${t('handoffs.kind.pagerduty')}: ${t('handoffs.status.not_needed')}`,
    );
    expect(
      screen.getByRole('link', { name: t('handoffs.open_issue', { key: 'ENG-4' }) }).getAttribute('href'),
    ).toBe('https://acme.atlassian.net/browse/ENG-4');
    expect(screen.queryByRole('button')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('alerts on a failure or an unrecorded send and retries on request', async () => {
    const user = userEvent.setup();
    const state = handoffs([
      { kind: 'slack', status: 'sent', detail: 'posted, not recorded', recorded: false },
      { kind: 'carrier', status: 'failed', detail: 'The carrier webhook refused it (403).', recorded: true },
    ]);
    const { container } = renderUi(<HandoffResults handoffs={state} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(`${t('handoffs.kind.slack')}: ${t('handoffs.status.unrecorded')}`);
    expect(alert.textContent).toContain('The carrier webhook refused it (403).');
    await user.click(screen.getByRole('button', { name: t('handoffs.retry') }));
    expect(state.retry).toHaveBeenCalledTimes(1);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('disables the retry while one runs', () => {
    renderUi(
      <HandoffResults
        handoffs={handoffs([{ kind: 'jira', status: 'failed', detail: 'x', recorded: true }], {
          running: true,
        })}
      />,
    );
    expect(screen.getByRole('button', { name: t('handoffs.retrying') }).hasAttribute('disabled')).toBe(true);
  });

  it('offers a Slack alert whose answer was lost only on its own, never with the failed ones', async () => {
    const user = userEvent.setup();
    const state = handoffs([
      { kind: 'slack', status: 'unconfirmed', detail: 'Slack did not answer in time.', recorded: true },
      { kind: 'pagerduty', status: 'failed', detail: 'PagerDuty had a problem (500).', recorded: true },
    ]);
    const { container } = renderUi(<HandoffResults handoffs={state} />);
    expect(screen.getByRole('alert').textContent).toContain(
      `${t('handoffs.kind.slack')}: ${t('handoffs.status.unconfirmed')}`,
    );
    await user.click(screen.getByRole('button', { name: t('handoffs.retry') }));
    expect(state.retry).toHaveBeenCalledTimes(1);
    expect(state.resend).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: t('handoffs.send_again') }));
    expect(state.resend).toHaveBeenCalledWith('slack');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('warns about an unconfirmed alert even when nothing failed, without a retry', () => {
    renderUi(
      <HandoffResults
        handoffs={handoffs([{ kind: 'slack', status: 'unconfirmed', detail: 'x', recorded: true }])}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain(t('handoffs.status.unconfirmed'));
    expect(screen.queryByRole('button', { name: t('handoffs.retry') })).toBeNull();
    expect(screen.getByRole('button', { name: t('handoffs.send_again') })).toBeTruthy();
  });
});
