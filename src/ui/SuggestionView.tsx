import { Button } from './Button';
import styled from 'styled-components';
import type { AppSettings } from '../zendesk/types';
import { Blockers } from './Blockers';
import { Checklist } from './Checklist';
import { Editors } from './Editors';
import { t } from './i18n';
import { ChangeNotice, WarningList } from './Notices';
import { ReasonList } from './ReasonList';
import { SuggestionCard } from './SuggestionCard';
import { TargetPicker } from './TargetPicker';
import type { Choices } from './useChoices';
import { ReplyEditorPanel, type ReplyEditorReview } from './Wording';

const Actions = styled.div`
  margin-bottom: ${(p) => p.theme.space.md};
`;

/** Props of {@link SuggestionView}. */
export interface SuggestionViewProps {
  choices: Choices;
  settings: AppSettings;
  notice?: { kind: 'changed' | 'conflict'; changes: string[] } | null;
  loadWarnings?: readonly string[];
  /** What the agent has in Zendesk's reply editor, reviewed. */
  editor?: ReplyEditorReview;
  onReview: () => void;
}

/**
 * The suggestion and everything the agent reviews, answers and edits before confirming. A case the guide
 * does not escalate (or not yet) shows what to do instead and offers no way to confirm.
 */
export function SuggestionView({
  choices: c,
  settings,
  notice,
  loadWarnings = [],
  editor,
  onReview,
}: SuggestionViewProps) {
  const d = c.decision;
  if (!d) return null;
  return (
    <>
      {notice && <ChangeNotice kind={notice.kind} changes={notice.changes} />}
      <SuggestionCard decision={d} />
      {editor && <ReplyEditorPanel editor={editor} />}
      <WarningList title={t('suggestion.unread_title')} lines={loadWarnings} />
      <Blockers blockers={d.blockers} heldBack={d.held_back} />
      <ReasonList reasons={d.reasons} />
      <Checklist answers={c.answers} open={d.open_questions} onChange={c.answer} />
      {d.escalate && (
        <>
          <TargetPicker
            suggested={d.targets}
            chosen={c.targets}
            overrideReason={c.overrideReason}
            groups={settings.groups}
            onChange={c.chooseTargets}
            onReasonChange={c.setReason}
          />
          <Editors
            note={c.note}
            message={c.message}
            channel={d.customer_channel}
            delivery={settings.messageDelivery}
            edited={c.edited}
            onNoteChange={c.setNote}
            onMessageChange={c.setMessage}
            onReset={c.resetTexts}
            review={c.review}
          />
          <Actions>
            <Button isPrimary isStretched disabled={c.problems.length > 0} onClick={onReview}>
              {t('review.button')}
            </Button>
          </Actions>
        </>
      )}
    </>
  );
}
