/**
 * Malformed settings in the sidebar: wrong types (parseSettings) and a group id that is no group of the
 * account (groupProblems, which app/main.tsx runs beside the first render and hands over by rendering
 * the same tree again) are named in one warning, setting by setting, and the sidebar keeps working and
 * keeps its state.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSettings } from '../zendesk';
import { groupProblems } from '../zendesk/groups';
import { App } from './App';
import { Frame } from './Frame';
import { t } from './i18n';
import { caseFile, fakeSidebar, renderUi } from './testing';

const REFUND = '05-duplicate-charge-refund-149.json';
const FAKE_GROUPS = [
  { id: 101, name: 'L2' },
  { id: 104, name: 'Carrier' },
];

afterEach(() => {
  vi.useRealTimers();
});

describe('malformed settings in the sidebar', () => {
  it('names wrong types and unknown groups, and still suggests, previews and escalates', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(caseFile(REFUND).bundle.now));
    const parameters = {
      l2_group_id: '101',
      carrier_group_id: '104',
      legal_group_id: '777777',
      refund_threshold: 'a hundred',
      keep_assignee: 'maybe',
    };
    const { client, settings, fake, ticketId } = fakeSidebar(REFUND, parameters, FAKE_GROUPS);
    const { problems } = parseSettings(parameters);
    const user = userEvent.setup();
    const view = renderUi(<App client={client} settings={settings} settingsProblems={problems} />);
    await screen.findByText(t('suggestion.escalate', { teams: t('teams.l2') }));
    await user.click(screen.getByRole('button', { name: t('review.button') }));

    // The group check's answer arrives while the agent reviews: shown, and the review stays open.
    const groups = await groupProblems(client, settings.groups);
    expect(groups).toEqual(['legal_group_id: 777777 is not a group of this Zendesk account.']);
    view.rerender(
      <Frame>
        <App client={client} settings={settings} settingsProblems={[...problems, ...groups]} />
      </Frame>,
    );
    const warning = screen.getByRole('note');
    expect(within(warning).getByText(t('error.settings_title'))).toBeTruthy();
    const lines = within(warning)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines.map((line) => line.split(/[: ]/u)[0])).toEqual([
      'refund_threshold',
      'keep_assignee',
      'legal_group_id',
    ]);
    expect(lines[0]).toContain('got "a hundred"');

    // The rest works: the escalation to L2 goes through, into group 101.
    await user.click(screen.getByRole('button', { name: t('confirm.button') }));
    await screen.findByText(t('result.heading'));
    expect(fake.ticket(ticketId)?.group_id).toBe(101);
  });
});
