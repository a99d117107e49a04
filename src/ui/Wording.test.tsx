/**
 * The guide's words in the sidebar: problems under the customer message as the agent edits it, one-click
 * replacements, a flagged message still confirmable; the panel for Zendesk's own reply editor; and the
 * sidebar coming forward (appsTray.show + notify) on a trigger phrase in the editor or a new internal note.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bundle } from '../engine';
import { App } from './App';
import { t } from './i18n';
import { SuggestionView } from './SuggestionView';
import { answersOf, axeViolations, caseBundle, caseFile, fakeSidebar, renderUi, SETTINGS } from './testing';
import { useChoices } from './useChoices';

const REFUND = '05-duplicate-charge-refund-149.json';
const APPEAL = '03-suspension-appeal-60h.json';

function Harness({ bundle, onReview }: { bundle: Bundle; onReview: () => void }) {
  const choices = useChoices(bundle, answersOf(bundle));
  return <SuggestionView choices={choices} settings={SETTINGS} onReview={onReview} />;
}

function messageBox(): HTMLTextAreaElement {
  return screen.getByRole('textbox', { name: /^Message to the customer/ });
}

describe('the customer message, checked as the agent edits it', () => {
  it('lists what goes against the guide and replaces it in one click', async () => {
    const user = userEvent.setup();
    const onReview = vi.fn();
    const view = renderUi(<Harness bundle={caseBundle(REFUND)} onReview={onReview} />);
    await user.clear(messageBox());
    await user.type(
      messageBox(),
      'Sorry, billing is not my department. Card 4111 1111 1111 1234 was charged.',
    );

    const heading = await screen.findByText(t('wording.heading', { count: 2 }));
    const list = within(heading.parentElement as HTMLElement);
    expect(list.getByText('billing is not my department', { selector: 'q' })).toBeTruthy();
    expect(list.getByText('4111 1111 1111 1234', { selector: 'q' })).toBeTruthy();
    expect(await axeViolations(view.container)).toEqual([]);

    const documented = "I've documented everything so you won't need to repeat yourself";
    await user.click(list.getByRole('button', { name: t('wording.replace', { text: documented }) }));
    expect(messageBox().value).toBe(`Sorry, ${documented}. Card 4111 1111 1111 1234 was charged.`);
    await user.click(screen.getByRole('button', { name: t('wording.replace', { text: '****1234' }) }));
    expect(messageBox().value).toBe(`Sorry, ${documented}. Card ****1234 was charged.`);
    await waitFor(() => {
      expect(screen.queryByText(/^Advice on the wording/)).toBeNull();
    });
  });

  it('is advice, not a lock: a flagged message can still be reviewed', async () => {
    const user = userEvent.setup();
    const onReview = vi.fn();
    renderUi(<Harness bundle={caseBundle(REFUND)} onReview={onReview} />);
    await user.type(messageBox(), '\nYou will have to wait.');
    await screen.findByText(t('wording.heading', { count: 1 }));
    await user.click(screen.getByRole('button', { name: t('review.button') }));
    expect(onReview).toHaveBeenCalledOnce();
  });

  it('says nothing about the engine’s own message', async () => {
    renderUi(<Harness bundle={caseBundle(APPEAL)} onReview={() => undefined} />);
    expect(messageBox().value).toContain('24-48 hours');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.queryByText(/^Advice on the wording/)).toBeNull();
  });

  it('on the Trust & Safety path, flags promises and the flag reason from the internal notes', async () => {
    const user = userEvent.setup();
    renderUi(<Harness bundle={caseBundle(APPEAL)} onReview={() => undefined} />);
    await user.clear(messageBox());
    await user.type(messageBox(), 'The chargebacks are why. We will restore your line.');
    await screen.findByText(t('wording.heading', { count: 2 }));
    expect(screen.getByText(t('wording.kind.internal_reason'))).toBeTruthy();
    expect(screen.getByText(t('wording.kind.promise'))).toBeTruthy();
  });
});

describe('the Zendesk reply editor', () => {
  function open(file: string) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(caseFile(file).bundle.now));
    const h = fakeSidebar(file, { trust_safety_group_id: '103', l2_group_id: '101' }, [
      { id: 101, name: 'L2' },
      { id: 103, name: 'Trust & Safety' },
    ]);
    renderUi(<App client={h.client} settings={h.settings} />);
    return h;
  }
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the problems in what the agent types there', async () => {
    const { client } = open(APPEAL);
    await screen.findByRole('heading', { name: t('suggestion.heading') });
    expect(screen.queryByRole('region', { name: t('wording.editor_heading') })).toBeNull();

    await client.set(
      'comment.text',
      '<p>Hi Rafael, you just need to be patient.</p><p>A SIM farm was found.</p>',
    );
    const panel = await screen.findByRole('region', { name: t('wording.editor_heading') });
    expect(within(panel).getByText('you just need to be patient', { selector: 'q' })).toBeTruthy();
    expect(within(panel).getByText('SIM farm', { selector: 'q' })).toBeTruthy();
    expect(
      within(panel).getByText(t('wording.instead', { text: "You'll hear back within 24-48 hours" }), {
        exact: false,
      }),
    ).toBeTruthy();

    await client.set('comment.text', 'Thanks Rafael, the review team has your appeal.');
    await within(panel).findByText(t('wording.editor_clean'));
  });

  it('brings the sidebar forward once per trigger phrase typed there', async () => {
    const { client } = open(REFUND);
    await screen.findByRole('heading', { name: t('suggestion.heading') });
    await client.set('comment.type', 'internalNote');
    await client.set('comment.text', 'Customer wants the money back, I think this needs L2');
    const panel = await screen.findByRole('region', { name: t('wording.editor_heading') });
    await within(panel).findByText(t('wording.trigger', { phrase: 'this needs L2' }));
    const forward = () =>
      client.calls.invokes.filter((c) => c.name === 'appsTray.show' || c.name === 'notify');
    await waitFor(() => {
      expect(forward()).toEqual([
        { name: 'appsTray.show', args: [] },
        { name: 'notify', args: [t('wording.come_forward', { phrase: 'this needs L2' }), 'notice'] },
      ]);
    });
    await client.set('comment.text', 'Customer wants the money back, I think this needs L2 today');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(forward()).toHaveLength(2);
  });

  it('brings the sidebar forward on a new internal note with a trigger phrase', async () => {
    const { client, fake, ticketId } = open(REFUND);
    await screen.findByRole('heading', { name: t('suggestion.heading') });
    fake.simulateConcurrentEdit(ticketId, {
      comment: { body: 'Who owns this? Refund tool errors out.', public: false },
    });
    await waitFor(() => {
      expect(client.calls.invokes.find((c) => c.name === 'notify')?.args[0]).toBe(
        t('wording.come_forward', { phrase: 'Who owns this' }),
      );
    });
  });
});
