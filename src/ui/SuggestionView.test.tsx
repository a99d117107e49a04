/**
 * The suggestion as the agent sees it, for shared cases decided by the real engine: verdict, reasons
 * with their evidence, blockers, the checklist re-deciding, the override reason, inert ticket text, axe.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { decide, type Bundle } from '../engine';
import { teamNames } from './format';
import { t } from './i18n';
import { SuggestionView } from './SuggestionView';
import { answersOf, axeViolations, caseBundle, renderUi, SETTINGS } from './testing';
import { useChoices } from './useChoices';

const PORT_IN = '01-port-in-rejected-four-times.json';
const SECURITY = '04-app-shows-other-customers-data.json';
const BLOCKED = '13-esim-error-no-troubleshooting-no-info.json';
/** A VIP with a backend bug: the engineering rules depend on the known-issue check, left unanswered. */
const VIP_BUG = '10-vip-plan-change-bug.json';

function Harness({ bundle, onReview = () => undefined }: { bundle: Bundle; onReview?: () => void }) {
  const choices = useChoices(bundle, answersOf(bundle));
  return <SuggestionView choices={choices} settings={SETTINGS} onReview={onReview} />;
}

function show(file: string, onReview?: () => void) {
  const bundle = caseBundle(file);
  const view = renderUi(<Harness bundle={bundle} {...(onReview ? { onReview } : {})} />);
  return { bundle, decision: decide(bundle), view };
}

const reviewButton = () => screen.queryByRole('button', { name: t('review.button') });

describe('SuggestionView', () => {
  it('shows the verdict, the urgency and every reason with its evidence', () => {
    const { decision } = show(PORT_IN);
    expect(decision.escalate).toBe(true);
    expect(screen.getByText(t('suggestion.escalate', { teams: teamNames(decision.targets) }))).toBeTruthy();
    expect(screen.getByText(t(`urgency.${decision.urgency}`))).toBeTruthy();

    const why = screen.getByRole('region', { name: t('reasons.heading') });
    expect(decision.reasons.length).toBeGreaterThan(0);

    for (const reason of decision.reasons) {
      const row = within(why).getByText(reason.guide_row).closest('li');
      expect(row).not.toBeNull();
      const evidence = within(row as HTMLElement).getByRole('list', { name: t('reasons.evidence') });
      for (const source of reason.sources) {
        if (source.kind !== 'comment') continue;
        // Zendesk has no address per comment: the comment id and who wrote it name it.
        const label = within(evidence).getByText((text) =>
          text.startsWith(
            `${t('evidence.comment', { id: source.id })} · ${t(`evidence.speaker.${source.speaker}`)}`,
          ),
        );
        expect(label).toBeTruthy();
        expect(within(evidence).getAllByText(source.quote).length).toBeGreaterThan(0);
      }
    }
    const checklistEvidence = decision.reasons.flatMap((r) => r.sources).find((s) => s.kind === 'checklist');
    expect(checklistEvidence).toBeDefined();
    expect(within(why).getAllByText(t('evidence.checklist')).length).toBeGreaterThan(0);
  });

  it('folds a long evidence list to three items and unfolds it on request', async () => {
    const user = userEvent.setup();
    const { decision } = show('06-exec-complaint-threatens-lawsuit.json');
    const long = decision.reasons.find((r) => r.sources.length > 3);
    expect(long).toBeDefined();
    const row = screen.getByText(long?.guide_row ?? '').closest('li') as HTMLElement;
    const list = () => within(row).getByRole('list', { name: t('reasons.evidence') });
    expect(within(list()).getAllByRole('listitem').length).toBe(3);
    const more = within(row).getByRole('button', {
      name: t('reasons.more', { count: (long?.sources.length ?? 0) - 3 }),
    });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(within(list()).getAllByRole('listitem').length).toBe(long?.sources.length);
    expect(
      within(row)
        .getByRole('button', { name: t('reasons.fewer') })
        .getAttribute('aria-expanded'),
    ).toBe('true');
  });

  it('leads a critical case with a danger alert holding the on-call text', () => {
    const { decision } = show(SECURITY);
    expect(decision.urgent_alert).toBe(true);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(t('suggestion.urgent_title'))).toBeTruthy();
    const text = decision.urgent_alert_text ?? '';
    expect(text).not.toBe('');
    expect(alert.textContent).toContain(text.split('\n')[0]);
  });

  it('shows a blocked case with what to do instead and no way to confirm', () => {
    const { decision } = show(BLOCKED);
    expect(decision.escalate).toBe(false);
    expect(screen.getByText(t('suggestion.not_yet'))).toBeTruthy();
    expect(
      screen.getByText(t('suggestion.would_go_to', { teams: teamNames(decision.targets) })),
    ).toBeTruthy();
    const instead = screen.getByRole('region', { name: t('blockers.heading') });
    expect(decision.blockers.length).toBeGreaterThan(0);
    for (const blocker of decision.blockers) expect(within(instead).getByText(blocker.message)).toBeTruthy();
    expect(reviewButton()).toBeNull();
    expect(screen.queryByRole('button', { name: t('confirm.button') })).toBeNull();
  });

  it('decides again when a checklist answer changes', async () => {
    const user = userEvent.setup();
    show(BLOCKED);
    expect(reviewButton()).toBeNull();

    const troubleshooting = screen.getByRole('group', { name: /troubleshooting steps/ });
    await user.click(within(troubleshooting).getByRole('radio', { name: t('answer.yes') }));
    // One answer is not enough: the customer's details are still missing.
    expect(screen.getByText(t('suggestion.not_yet'))).toBeTruthy();

    const info = screen.getByRole('group', { name: /all the information/ });
    await user.click(within(info).getByRole('radio', { name: t('answer.yes') }));
    expect(screen.getByText(t('suggestion.escalate', { teams: t('teams.engineering') }))).toBeTruthy();
    expect(screen.queryByRole('region', { name: t('blockers.heading') })).toBeNull();
    expect(reviewButton()).not.toBeNull();

    await user.click(within(info).getByRole('radio', { name: t('answer.unanswered') }));
    expect(screen.getByText(t('suggestion.not_yet'))).toBeTruthy();
  });

  it('marks the questions this ticket still needs answered', () => {
    const { decision } = show(VIP_BUG);
    expect(decision.open_questions).toContain('known_issue_with_workaround');
    const group = screen.getByRole('group', { name: /known issue/ });
    expect(within(group).getByText(t('checklist.needed'))).toBeTruthy();
    const other = screen.getByRole('group', { name: /only want to speak to a manager/ });
    expect(within(other).queryByText(t('checklist.needed'))).toBeNull();
  });

  it('asks for a reason before other teams than suggested can be confirmed', async () => {
    const user = userEvent.setup();
    const onReview = vi.fn();
    show(PORT_IN, onReview);
    const picker = screen.getByRole('group', { name: t('targets.legend') });
    expect(within(picker).getByRole('checkbox', { name: /^Carrier/ })).toHaveProperty('checked', true);
    expect(reviewButton()).toHaveProperty('disabled', false);

    await user.click(within(picker).getByRole('checkbox', { name: /^Legal/ }));
    expect(reviewButton()).toHaveProperty('disabled', true);
    const reason = screen.getByRole('textbox', { name: t('targets.override_label') });
    expect(screen.getByText(t('targets.override_missing'))).toBeTruthy();

    await user.type(reason, 'Customer mentioned a regulator complaint');
    expect(reviewButton()).toHaveProperty('disabled', false);
    await user.click(reviewButton() as HTMLElement);
    expect(onReview).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: t('targets.reset') }));
    expect(screen.queryByRole('textbox', { name: t('targets.override_label') })).toBeNull();
  });

  it('prefills the note and the channel-labelled message, and keeps edits', async () => {
    const user = userEvent.setup();
    const { decision } = show(PORT_IN);
    const note = screen.getByRole('textbox', { name: t('editors.note_label') });
    expect((note as HTMLTextAreaElement).value).toBe(decision.note);
    const message = screen.getByRole('textbox', {
      name: t('editors.message_label', { channel: t(`editors.channel.${decision.customer_channel}`) }),
    });
    expect((message as HTMLTextAreaElement).value).toBe(decision.customer_message);

    await user.clear(message);
    await user.type(message, 'Edited by the agent');
    expect((message as HTMLTextAreaElement).value).toBe('Edited by the agent');
    await user.click(screen.getByRole('button', { name: t('editors.reset') }));
    expect((message as HTMLTextAreaElement).value).toBe(decision.customer_message);
  });

  it('renders HTML and script in ticket text as inert text', () => {
    const bundle = caseBundle(SECURITY);
    const html = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    const comments = (bundle.comments ?? []).map((c) => ({ ...c, body: `${c.body ?? ''} ${html}` }));
    const users = (bundle.users ?? []).map((u) => ({ ...u, name: `${u.name ?? ''} <b>bold</b>` }));
    const hostile = { ...bundle, comments, users, ticket: { ...bundle.ticket, subject: `${html} subject` } };
    const decision = decide(hostile);
    const { container } = renderUi(<Harness bundle={hostile} />);

    expect(container.querySelector('img, script, b')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    // The customer's words, markup included, are shown as the text they are.
    const quotes = [...container.querySelectorAll('blockquote')].map((q) => q.textContent).join('\n');
    expect(quotes).toContain('<script>window.pwned=1</script>');
    const note = screen.getByRole<HTMLTextAreaElement>('textbox', { name: t('editors.note_label') });
    expect(note.value).toBe(decision.note);
  });

  it.each([PORT_IN, SECURITY, BLOCKED, '06-exec-complaint-threatens-lawsuit.json'])(
    'has no axe violations: %s',
    async (file) => {
      const { view } = show(file);
      expect(await axeViolations(view.container)).toEqual([]);
    },
  );
});
