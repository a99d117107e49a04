/**
 * Malformed settings in the sidebar: wrong types (parseSettings) and a group id that is no group of the
 * account (checked once after the suggestion shows) are named in one warning, setting by setting, and
 * the rest of the sidebar keeps working.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSettings } from '../zendesk';
import { App } from './App';
import { t } from './i18n';
import { caseFile, fakeSidebar, renderUi } from './testing';

const REFUND = '05-duplicate-charge-refund-149.json';
const FAKE_GROUPS = [
  { id: 101, name: 'L2' },
  { id: 104, name: 'Carrier' },
];

function open(parameters: Record<string, string>) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(caseFile(REFUND).bundle.now));
  const h = fakeSidebar(REFUND, parameters, FAKE_GROUPS);
  const { problems } = parseSettings({ ...parameters });
  renderUi(<App client={h.client} settings={h.settings} settingsProblems={problems} />);
  return { ...h, user: userEvent.setup() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('malformed settings in the sidebar', () => {
  it('names wrong types and unknown groups, and still suggests, previews and escalates', async () => {
    const { fake, ticketId, user } = open({
      l2_group_id: '101',
      carrier_group_id: '104',
      legal_group_id: '777777',
      refund_threshold: 'a hundred',
      keep_assignee: 'maybe',
    });
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
    const warning = screen.getByRole('note');
    expect(within(warning).getByText(t('error.settings_title'))).toBeTruthy();
    await within(warning).findByText(/^legal_group_id: 777777 is not a group of this Zendesk account/u);
    const lines = within(warning)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines.map((line) => line.split(/[: ]/u)[0])).toEqual([
      'refund_threshold',
      'keep_assignee',
      'legal_group_id',
    ]);
    expect(lines[0]).toContain('got "a hundred"');
    // One listing of the groups, after the ticket's own reads.
    const groupReads = fake.requests().filter((r) => r.url.startsWith('/api/v2/groups'));
    expect(groupReads).toHaveLength(1);

    // The rest works: the escalation to L2 goes through, into group 101.
    await user.click(screen.getByRole('button', { name: t('review.button') }));
    await user.click(screen.getByRole('button', { name: t('confirm.button') }));
    await screen.findByText(t('result.heading'));
    expect(fake.ticket(ticketId)?.group_id).toBe(101);
  });

  it('says nothing when every group exists and every value is well-formed', async () => {
    const { fake } = open({ l2_group_id: '101', carrier_group_id: '104' });
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
    await vi.waitFor(() => {
      expect(fake.requests().some((r) => r.url.startsWith('/api/v2/groups'))).toBe(true);
    });
    expect(screen.queryByText(t('error.settings_title'))).toBeNull();
  });
});
