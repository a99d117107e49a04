/**
 * Zendesk's reply editor, reviewed as the agent types there: the guide's advice on the words (a public
 * reply; an internal note may say what a customer must not hear), the trigger phrases, and the sidebar
 * brought forward when a trigger phrase appears in the editor or in a new internal note.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { findTriggers, type Bundle } from '../engine';
import { comeForward, newInternalNotes, triggerAlarm, watchEditor, type EditorText } from '../zendesk';
import type { ZafClient } from '../zendesk/types';
import { t } from './i18n';
import type { Choices } from './useChoices';
import type { ReplyEditorReview } from './Wording';

/**
 * Watches the reply editor of the open ticket. `active`: whether a trigger phrase may bring the sidebar
 * forward now (while the suggestion is shown, not while the app writes its own message there).
 */
export function useReplyEditor(client: ZafClient, choices: Choices, active: boolean): ReplyEditorReview {
  const [editor, setEditor] = useState<EditorText>({ text: '', type: null });
  const isActive = useRef(active);
  useLayoutEffect(() => {
    isActive.current = active;
  });
  const alarm = useMemo(
    () =>
      triggerAlarm((phrase) => {
        void comeForward(client, t('wording.come_forward', { phrase }));
      }),
    [client],
  );

  useEffect(
    () =>
      watchEditor(client, (next) => {
        setEditor(next);
        if (isActive.current) alarm(next.text);
      }),
    [client, alarm],
  );

  // A new internal note (the ticket was read again after ticket.comments.changed) with a trigger phrase.
  const { bundle, review } = choices;
  const previous = useRef<Bundle | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = bundle;
    if (before && bundle && isActive.current)
      for (const text of newInternalNotes(before, bundle)) alarm(text);
  }, [bundle, alarm]);

  const internal = editor.type === 'internalNote';
  const problems = useMemo(() => (internal ? [] : review(editor.text)), [internal, review, editor.text]);
  const triggers = useMemo(() => findTriggers(editor.text), [editor.text]);
  return { text: editor.text, internal, problems, triggers };
}
