/**
 * Draws the open ticket as an agent sees it in Zendesk: subject, requester, status, group, assignee,
 * tags, custom fields, the unsaved edits, and the conversation with internal notes set apart.
 */
import type { Comment, Ticket } from '../../fake/types';
import { CUSTOM_STATUSES } from './account';
import { el } from './dom';
import type { Session } from './session';

/** The elements the ticket view fills. */
export interface TicketView {
  readonly subject: HTMLElement;
  readonly props: HTMLElement;
  readonly unsaved: HTMLElement;
  readonly conversation: HTMLElement;
  readonly editor: HTMLElement;
  readonly editorText: HTMLTextAreaElement;
  readonly editorTypes: readonly HTMLInputElement[];
  readonly fieldSelect: HTMLSelectElement;
}

/** Names for the custom fields the settings point at; other fields show their id. */
export function fieldLabels(settings: Readonly<Record<string, unknown>>): Map<number, string> {
  const labels = new Map<number, string>();
  const named: readonly (readonly [string, string])[] = [
    ['category_field_id', 'Issue category'],
    ['refund_amount_field_id', 'Refund amount'],
    ['device_field_id', 'Device'],
  ];
  for (const [setting, label] of named) {
    const id = Number(settings[setting]);
    if (Number.isSafeInteger(id) && id > 0) labels.set(id, label);
  }
  return labels;
}

function time(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString();
}

function userName(session: Session, id: number | null): string {
  if (id === null) return '(none)';
  const user = session.fake.user(id);
  return user === undefined ? `user ${id}` : `${user.name} <${user.email ?? 'no email'}> (${user.role})`;
}

/** The agent's label of a custom status, as the status menu shows it. */
function statusLabel(id: number | null): string {
  if (id === null) return 'no custom status';
  const status = CUSTOM_STATUSES.find((candidate) => candidate.id === id);
  return status === undefined ? `custom status ${id}` : `"${status.agent_label}" (${id})`;
}

function tagsNode(tags: readonly string[]): Node {
  if (tags.length === 0) return document.createTextNode('(none)');
  const list = el('span');
  for (const tag of tags) list.append(el('span', { className: 'tag', text: tag }));
  return list;
}

function fieldValue(value: unknown): string {
  if (value === null) return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function properties(
  session: Session,
  ticket: Ticket,
  labels: ReadonlyMap<number, string>,
): [string, Node | string][] {
  const group = ticket.group_id === null ? undefined : session.directory.group(ticket.group_id);
  const rows: [string, Node | string][] = [
    ['Ticket', `#${ticket.id} · via ${ticket.via.channel}`],
    ['Requester', userName(session, ticket.requester_id)],
    ['Status', `${ticket.status} · ${statusLabel(ticket.custom_status_id)}`],
    ['Priority', ticket.priority ?? '(none)'],
    ['Type', ticket.type ?? '(none)'],
    ['Group', ticket.group_id === null ? '(none)' : `${group?.name ?? 'unknown group'} (${ticket.group_id})`],
    ['Assignee', userName(session, ticket.assignee_id)],
    ['Tags', tagsNode(ticket.tags)],
    ['Created', time(ticket.created_at)],
    ['Updated', time(ticket.updated_at)],
  ];
  for (const field of ticket.custom_fields) {
    const label = labels.get(field.id);
    rows.push([
      label === undefined ? `Field ${field.id}` : `${label} (${field.id})`,
      fieldValue(field.value),
    ]);
  }
  return rows;
}

function commentItem(session: Session, comment: Comment): HTMLElement {
  const author = session.fake.user(comment.author_id);
  const kind = comment.public ? 'public reply' : 'internal note';
  return el(
    'li',
    { className: comment.public ? 'public' : 'internal' },
    el('div', {
      className: 'meta',
      text: `${author?.name ?? `user ${comment.author_id}`} · ${kind} · ${time(comment.created_at)} · comment ${comment.id}`,
    }),
    el('div', { className: 'body', text: comment.body }),
  );
}

/** Redraws the ticket, the unsaved edits, the conversation and the editor from the session. */
export function renderTicket(
  view: TicketView,
  session: Session,
  settings: Readonly<Record<string, unknown>>,
): void {
  const ticket = session.form.current();
  const labels = fieldLabels(settings);
  view.subject.textContent = ticket.subject;
  view.props.replaceChildren(
    ...properties(session, ticket, labels).flatMap(([name, value]) => [
      el('dt', { text: name }),
      typeof value === 'string' ? el('dd', { text: value }) : el('dd', {}, value),
    ]),
  );
  const changes = session.form.changes();
  view.unsaved.replaceChildren(
    ...(changes.length === 0
      ? []
      : [el('strong', { text: 'Unsaved changes: ' }), document.createTextNode(changes.join('; '))]),
  );
  view.conversation.replaceChildren(
    ...session.form.comments().map((comment) => commentItem(session, comment)),
  );

  const { text, type } = session.form.editor;
  // Only when it differs: rewriting the value while the agent types would move the caret.
  if (view.editorText.value !== text) view.editorText.value = text;
  for (const radio of view.editorTypes) radio.checked = radio.value === type;
  view.editor.classList.toggle('internal', type === 'internalNote');

  const selected = view.fieldSelect.value;
  view.fieldSelect.replaceChildren(
    ...ticket.custom_fields.map((field) => {
      const option = el('option', { text: labels.get(field.id) ?? `Field ${field.id}` });
      option.value = String(field.id);
      return option;
    }),
  );
  if (ticket.custom_fields.some((field) => String(field.id) === selected)) view.fieldSelect.value = selected;
}
