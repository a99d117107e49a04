import { Button } from './Button';
import styled from 'styled-components';
import type { Trigger, WordingProblem } from '../engine';
import { getColor } from './color';
import { t } from './i18n';
import { PlainList, Section, SubHeading } from './Section';

const Item = styled.li`
  padding-left: ${(p) => p.theme.space.xs};
  border-left: 3px solid ${(p) => getColor({ theme: p.theme, variable: 'border.warningEmphasis' })};
  overflow-wrap: anywhere;
`;

const Hint = styled.p`
  margin: ${(p) => p.theme.space.xxs} 0 ${(p) => p.theme.space.sm};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

/** Props of {@link WordingList}. */
export interface WordingListProps {
  problems: readonly WordingProblem[];
  /** Puts a problem's replacement in place; without it the list only advises. */
  onReplace?: (problem: WordingProblem) => void;
}

/** Words that go against the guide's advice, each with why and, where the guide has one, what to write. */
export function WordingList({ problems, onReplace }: WordingListProps) {
  return (
    <PlainList>
      {problems.map((p) => (
        <Item key={`${p.kind}-${p.start}`}>
          <strong>
            <q>{p.quote}</q>
          </strong>{' '}
          {t(`wording.kind.${p.kind}`)}
          {p.replacement !== undefined &&
            (onReplace ? (
              <>
                {' '}
                <Button
                  size="small"
                  isBasic
                  onClick={() => {
                    onReplace(p);
                  }}
                >
                  {t('wording.replace', { text: p.replacement })}
                </Button>
              </>
            ) : (
              ` ${t('wording.instead', { text: p.replacement })}`
            ))}
        </Item>
      ))}
    </PlainList>
  );
}

/** Props of {@link MessageCheck}. */
export interface MessageCheckProps {
  /** The problems found in the message (reviewed a moment ago: the agent may have typed since). */
  problems: readonly WordingProblem[];
  message: string;
  onChange: (message: string) => void;
}

/**
 * Under the customer message: what goes against the guide, with a one-click replacement. Advice, not a
 * lock: the message can be confirmed as it is. The live region is always there, so a screen reader hears
 * the findings as they appear.
 */
export function MessageCheck({ problems, message, onChange }: MessageCheckProps) {
  // A problem whose words the agent has already changed is gone, without waiting for the next review.
  const current = problems.filter((p) => message.includes(p.quote));
  const replace = (p: WordingProblem): void => {
    const at = message.slice(p.start, p.end) === p.quote ? p.start : message.indexOf(p.quote);
    if (at >= 0 && p.replacement !== undefined)
      onChange(message.slice(0, at) + p.replacement + message.slice(at + p.quote.length));
  };
  return (
    <div aria-live="polite">
      {current.length > 0 && (
        <>
          <SubHeading>{t('wording.heading', { count: current.length })}</SubHeading>
          <WordingList problems={current} onReplace={replace} />
        </>
      )}
    </div>
  );
}

/** What the agent has in Zendesk's reply editor, reviewed. */
export interface ReplyEditorReview {
  text: string;
  /** An internal note: only the trigger phrases matter. */
  internal: boolean;
  problems: readonly WordingProblem[];
  triggers: readonly Trigger[];
}

/** The panel "In the Zendesk reply editor", while the agent has something there. */
export function ReplyEditorPanel({ editor }: { editor: ReplyEditorReview }) {
  if (!editor.text.trim()) return null;
  return (
    <Section title={t('wording.editor_heading')}>
      {[...new Set(editor.triggers.map((x) => x.phrase))].map((phrase) => (
        <Hint key={phrase}>{t('wording.trigger', { phrase })}</Hint>
      ))}
      {editor.problems.length ? (
        <WordingList problems={editor.problems} />
      ) : (
        <Hint>{t('wording.editor_clean')}</Hint>
      )}
    </Section>
  );
}
