import { Button } from './Button';
import { useMemo } from 'react';
import styled from 'styled-components';
import type { Decision, WordingProblem } from '../engine';
import type { AppSettings } from '../zendesk/types';
import { TextField } from './forms';
import { t } from './i18n';
import { Section } from './Section';
import { useDebounced } from './useDebounced';
import { MessageCheck } from './Wording';

const Editor = styled(TextField)`
  margin-bottom: ${(p) => p.theme.space.sm};
`;

/** Props of {@link Editors}. */
export interface EditorsProps {
  note: string;
  message: string;
  channel: Decision['customer_channel'];
  delivery: AppSettings['messageDelivery'];
  /** Whether either text differs from the engine's; then "restore" is offered. */
  edited: boolean;
  onNoteChange: (note: string) => void;
  onMessageChange: (message: string) => void;
  onReset: () => void;
  /** What in a message goes against the guide's advice; checked as the agent pauses typing. */
  review?: (message: string) => WordingProblem[];
}

const NO_REVIEW = (): WordingProblem[] => [];

function TextEditor({
  label,
  hint,
  value,
  rows,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  rows: number;
  onChange: (value: string) => void;
}) {
  return <Editor label={label} hint={hint} minRows={rows} maxRows={16} value={value} onChange={onChange} />;
}

/**
 * The internal note and the customer message, prefilled from the decision and editable. The message is
 * labelled with its channel variant (chat or email) and how it will be delivered; under it, what in it
 * goes against the guide's advice, with the guide's words a click away.
 */
export function Editors(props: EditorsProps) {
  const settled = useDebounced(props.message, 300);
  const review = props.review ?? NO_REVIEW;
  const problems = useMemo(() => review(settled), [review, settled]);
  return (
    <Section title={t('editors.heading')}>
      <TextEditor
        label={t('editors.note_label')}
        hint={t('editors.note_hint')}
        value={props.note}
        rows={6}
        onChange={props.onNoteChange}
      />
      <TextEditor
        label={t('editors.message_label', { channel: t(`editors.channel.${props.channel}`) })}
        hint={props.delivery === 'post' ? t('editors.message_hint_post') : t('editors.message_hint_editor')}
        value={props.message}
        rows={4}
        onChange={props.onMessageChange}
      />
      <MessageCheck problems={problems} message={props.message} onChange={props.onMessageChange} />
      {props.edited && (
        <Button size="small" isBasic onClick={props.onReset}>
          {t('editors.reset')}
        </Button>
      )}
    </Section>
  );
}
