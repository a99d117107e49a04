/**
 * Zendesk's own reply editor, seen from the sidebar: what the agent is typing (`comment.text`, and whether
 * it is a public reply or an internal note, `comment.type`), and bringing the sidebar forward when the
 * agent writes one of the guide's trigger phrases there or in a new internal note.
 *
 * "Coming forward" in a ticket sidebar: ZAF has no action that expands a collapsed sidebar app
 * (`app.expanded` / `app.collapsed` are events only, and `popover` is for top_bar and nav_bar apps).
 * The documented means are `appsTray.show` (Support API, all locations: opens the apps panel if the
 * agent has hidden it) and `notify` (Core API: a message in Zendesk's notification area), so the app
 * invokes both.
 */
import { findTriggers, type Bundle } from '../engine';
import type { ZafClient } from './types';

/** The reply editor's contents as plain text, and its mode (null when the host does not say). */
export interface EditorText {
  text: string;
  type: 'publicReply' | 'internalNote' | null;
}

/** The editor's text as plain text: the rich-text editor gives HTML ("<p>Hi</p><p>…</p>"). */
export function editorPlainText(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return /<[a-z/][^>]*>/i.test(text)
    ? text
        .replace(/<br\s*\/?>|<\/(?:p|div|li)>/gi, '\n')
        .replace(/<[^>]*>/g, '')
        .replace(/&nbsp;/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .trimEnd()
    : text;
}

/** Reads the reply editor now. A host that cannot read it answers with an empty editor. */
async function readEditor(client: ZafClient): Promise<EditorText> {
  const answer: Record<string, unknown> = await client
    .get(['comment.text', 'comment.type'])
    .catch(() => ({}));
  const type = answer['comment.type'];
  return {
    text: editorPlainText(answer['comment.text']),
    type: type === 'publicReply' || type === 'internalNote' ? type : null,
  };
}

/**
 * Reports the reply editor's contents now and after every change (`comment.text.changed`,
 * `comment.type.changed`), once per burst of keystrokes. Returns the unsubscribe function.
 */
export function watchEditor(
  client: ZafClient,
  onText: (editor: EditorText) => void,
  options: { debounceMs?: number } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const report = (): void => {
    timer = null;
    void readEditor(client).then((editor) => {
      if (!stopped) onText(editor);
    });
  };
  const handler = (): void => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(report, options.debounceMs ?? 250);
  };
  const events = ['comment.text.changed', 'comment.type.changed'];
  for (const event of events) client.on(event, handler);
  report();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    for (const event of events) client.off(event, handler);
  };
}

/**
 * Remembers which trigger phrases were announced, so each one brings the sidebar forward once per ticket
 * however often the agent types or saves it. Returns a function to call with each new text; it calls
 * `announce` with each phrase not announced before.
 */
export function triggerAlarm(announce: (phrase: string) => void): (text: string) => void {
  const announced = new Set<string>();
  return (text) => {
    for (const { phrase } of findTriggers(text)) {
      const key = phrase.toLowerCase();
      if (!announced.has(key)) announce(phrase);
      announced.add(key);
    }
  };
}

/** The internal notes in `after` that `before` did not have, except the app's own escalation notes. */
export function newInternalNotes(before: Bundle, after: Bundle): string[] {
  const seen = new Set((before.comments ?? []).map((c) => String(c.id)));
  return (after.comments ?? [])
    .filter((c) => c.public === false && !seen.has(String(c.id)))
    .map((c) => c.body ?? c.plain_body ?? '')
    .filter((body) => !body.includes('Escalation key: eg-'));
}

/**
 * Brings the sidebar forward: opens the apps panel (`appsTray.show`) and shows `message` in Zendesk's
 * notification area (`notify`). A host that refuses either still gets the other.
 */
export async function comeForward(client: ZafClient, message: string): Promise<void> {
  await Promise.allSettled([client.invoke('appsTray.show'), client.invoke('notify', message, 'notice')]);
}
