/**
 * Ticket writes with Zendesk's semantics: what `PUT /api/v2/tickets/{id}` and `POST /api/v2/tickets`
 * accept, how they change a ticket, and the audit each one leaves. Pure functions over values; the store
 * in zendesk.ts decides ids, time and where the result goes.
 */
import * as v from 'valibot';
import { errorResponse, recordInvalid, RequestRejection } from './http';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type Audit,
  type AuditEvent,
  type Comment,
  type CustomField,
  type CustomFieldValue,
  type CustomStatus,
  type Ticket,
  type TicketStatus,
  type Via,
} from './types';

const id = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
// Zendesk takes tags as an array or as one space-separated string.
const tagList = v.union([v.array(v.string()), v.string()]);
const customFieldValue = v.union([v.string(), v.number(), v.boolean(), v.null(), v.array(v.string())]);

const commentInputSchema = v.object({
  body: v.optional(v.string()),
  html_body: v.optional(v.string()),
  public: v.optional(v.boolean()),
  author_id: v.optional(id),
});

// Unknown keys are ignored, as Zendesk ignores them; known keys are checked.
const ticketFieldsSchema = {
  subject: v.optional(v.string()),
  status: v.optional(v.picklist(TICKET_STATUSES)),
  custom_status_id: v.optional(id),
  priority: v.optional(v.nullable(v.picklist(TICKET_PRIORITIES))),
  type: v.optional(v.nullable(v.picklist(TICKET_TYPES))),
  group_id: v.optional(v.nullable(id)),
  assignee_id: v.optional(v.nullable(id)),
  requester_id: v.optional(id),
  organization_id: v.optional(v.nullable(id)),
  external_id: v.optional(v.nullable(v.string())),
  tags: v.optional(tagList),
  custom_fields: v.optional(v.array(v.object({ id, value: customFieldValue }))),
  comment: v.optional(commentInputSchema),
};

const ticketUpdateSchema = v.object({
  ...ticketFieldsSchema,
  additional_tags: v.optional(tagList),
  remove_tags: v.optional(tagList),
  safe_update: v.optional(v.boolean()),
  updated_stamp: v.optional(v.string()),
});
/** The `ticket` object of a PUT, as far as the fake understands it. */
export type TicketUpdate = v.InferOutput<typeof ticketUpdateSchema>;

const ticketCreateSchema = v.object({
  ...ticketFieldsSchema,
  requester: v.optional(v.object({ name: v.optional(v.string()), email: v.string() })),
  via_followup_source_id: v.optional(id),
});
/** The `ticket` object of a POST, as far as the fake understands it. */
export type TicketCreate = v.InferOutput<typeof ticketCreateSchema>;

/** What applying a write needs from the store. */
export interface WriteContext {
  /** A fresh id for a comment, an audit or an event. */
  readonly nextId: () => number;
  /** The write's timestamp, already strictly after the ticket's previous `updated_at`. */
  readonly at: string;
  /** The signed-in user the write is made as. */
  readonly userId: number;
  readonly customStatuses: readonly CustomStatus[];
  readonly groupExists: (groupId: number) => boolean;
}

/** A ticket after a write, the comment it added (if any) and its audit (null when nothing changed). */
export interface AppliedWrite {
  readonly ticket: Ticket;
  readonly comment: Comment | null;
  readonly audit: Audit | null;
}

const API_VIA: Via = { channel: 'api', source: { from: {}, to: {}, rel: null } };

function ticketOf(body: unknown, method: string): unknown {
  if (body === null || typeof body !== 'object' || !('ticket' in body)) {
    throw new RequestRejection(
      errorResponse(
        400,
        'InvalidParameter',
        `${method} /api/v2/tickets needs a JSON body of the form {"ticket": {...}}.`,
      ),
    );
  }
  return body.ticket;
}

function parseWith<Schema extends v.GenericSchema>(schema: Schema, input: unknown): v.InferOutput<Schema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = v.getDotPath(issue) ?? 'ticket';
  throw new RequestRejection(recordInvalid(field, `${field}: ${issue.message}`));
}

/** Reads the `{ ticket: {...} }` body of a PUT; throws RequestRejection with Zendesk's 400/422 on bad input. */
export function readTicketUpdate(body: unknown): TicketUpdate {
  return parseWith(ticketUpdateSchema, ticketOf(body, 'PUT'));
}

/** Reads the `{ ticket: {...} }` body of a POST, like readTicketUpdate. */
export function readTicketCreate(body: unknown): TicketCreate {
  return parseWith(ticketCreateSchema, ticketOf(body, 'POST'));
}

/** Splits, trims and de-duplicates tags the way Zendesk stores them (a tag never contains a space). */
export function normalizeTags(tags: readonly string[] | string): string[] {
  const words = (typeof tags === 'string' ? [tags] : tags).flatMap((tag) => tag.split(/\s+/u));
  return [...new Set(words.filter((word) => word !== ''))];
}

/** The comment of a write, with Zendesk's body/html_body/plain_body triple filled from whichever was sent. */
function commentFrom(
  input: NonNullable<TicketUpdate['comment']>,
  context: WriteContext,
  auditId: number,
): Comment {
  const text = input.body ?? (input.html_body === undefined ? '' : textFromHtml(input.html_body));
  if (text.trim() === '') {
    throw new RequestRejection(recordInvalid('comment', 'Comment: body or html_body must not be blank.'));
  }
  return {
    id: context.nextId(),
    type: 'Comment',
    author_id: input.author_id ?? context.userId,
    body: text,
    html_body: input.html_body ?? htmlFromText(text),
    plain_body: text,
    public: input.public ?? true,
    attachments: [],
    audit_id: auditId,
    via: API_VIA,
    created_at: context.at,
  };
}

/** Zendesk's HTML rendering of a plain comment: paragraphs on blank lines, `<br>` on single newlines. */
export function htmlFromText(text: string): string {
  const escaped = text
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
  const paragraphs = escaped
    .split(/\n{2,}/u)
    .map((paragraph) => `<p>${paragraph.replace(/\n/gu, '<br>')}</p>`)
    .join('');
  return `<div class="zd-comment" dir="auto">${paragraphs}</div>`;
}

/** The text of an HTML comment, for `body` and `plain_body`. */
export function textFromHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<\/p>/giu, '\n\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&nbsp;/gu, ' ')
    .replace(/&amp;/gu, '&')
    .trim();
}

function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function sameTagSet(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((tag) => right.includes(tag));
}

/** The default custom status of a status category, as Zendesk assigns it when only `status` is written. */
export function defaultCustomStatusId(
  statuses: readonly CustomStatus[],
  status: TicketStatus,
): number | null {
  return statuses.find((candidate) => candidate.status_category === status && candidate.default)?.id ?? null;
}

interface StatusPair {
  readonly status: TicketStatus;
  readonly customStatusId: number | null;
}

// `custom_status_id` decides the status category; `status` alone picks its category's default custom status.
function resolveStatus(
  current: StatusPair,
  status: TicketStatus | undefined,
  customStatusId: number | undefined,
  statuses: readonly CustomStatus[],
): StatusPair {
  if (customStatusId !== undefined) {
    const custom = statuses.find((candidate) => candidate.id === customStatusId);
    if (custom === undefined || !custom.active) {
      throw new RequestRejection(
        recordInvalid(
          'custom_status_id',
          `custom_status_id ${customStatusId} is not an active custom status.`,
        ),
      );
    }
    if (status !== undefined && status !== custom.status_category) {
      throw new RequestRejection(
        recordInvalid(
          'status',
          `Status ${status} contradicts custom_status_id ${customStatusId} (a ${custom.status_category} status); send one of them.`,
        ),
      );
    }
    return { status: custom.status_category, customStatusId };
  }
  if (status === undefined || status === current.status) return current;
  return { status, customStatusId: defaultCustomStatusId(statuses, status) ?? current.customStatusId };
}

/**
 * Applies a PUT's ticket object to `current`: `tags` replaces, `additional_tags`/`remove_tags` edit,
 * `custom_fields` merge by id, `comment` adds one comment. Does not check `safe_update`; the caller does
 * that against the stored ticket first.
 */
export function applyTicketUpdate(
  current: Ticket,
  update: TicketUpdate,
  context: WriteContext,
): AppliedWrite {
  if (current.status === 'closed') {
    throw new RequestRejection(recordInvalid('status', 'Status: closed prevents ticket update'));
  }
  if (update.status === 'new' && current.status !== 'new') {
    throw new RequestRejection(recordInvalid('status', 'Status: a ticket cannot go back to new.'));
  }
  if (update.group_id !== undefined && update.group_id !== null && !context.groupExists(update.group_id)) {
    throw new RequestRejection(
      recordInvalid(
        'group_id',
        `Group ${update.group_id} does not exist; seed it (groups option or seedGroups).`,
      ),
    );
  }
  const auditId = context.nextId();
  const events: AuditEvent[] = [];
  const comment = update.comment === undefined ? null : commentFrom(update.comment, context, auditId);
  if (comment !== null) events.push(commentEvent(comment, context.nextId()));

  const next: Ticket = { ...current, tags: [...current.tags], custom_fields: [...current.custom_fields] };
  const change = (fieldName: string, value: unknown, previous: unknown): void => {
    if (!sameValue(value, previous)) {
      events.push({
        id: context.nextId(),
        type: 'Change',
        field_name: fieldName,
        value,
        previous_value: previous,
      });
    }
  };

  const statusPair = resolveStatus(
    { status: current.status, customStatusId: current.custom_status_id },
    update.status,
    update.custom_status_id,
    context.customStatuses,
  );
  next.status = statusPair.status;
  next.custom_status_id = statusPair.customStatusId;
  if (update.subject !== undefined) {
    next.subject = update.subject;
    next.raw_subject = update.subject;
  }
  if (update.priority !== undefined) next.priority = update.priority;
  if (update.type !== undefined) next.type = update.type;
  if (update.group_id !== undefined) next.group_id = update.group_id;
  if (update.assignee_id !== undefined) next.assignee_id = update.assignee_id;
  if (update.requester_id !== undefined) next.requester_id = update.requester_id;
  if (update.organization_id !== undefined) next.organization_id = update.organization_id;
  if (update.external_id !== undefined) next.external_id = update.external_id;
  // Zendesk opens a new ticket as soon as it has an assignee.
  if (next.status === 'new' && next.assignee_id !== null) {
    next.status = 'open';
    next.custom_status_id = defaultCustomStatusId(context.customStatuses, 'open') ?? next.custom_status_id;
  }

  let tags = update.tags === undefined ? [...current.tags] : normalizeTags(update.tags);
  if (update.additional_tags !== undefined)
    tags = normalizeTags([...tags, ...normalizeTags(update.additional_tags)]);
  if (update.remove_tags !== undefined) {
    const removed = new Set(normalizeTags(update.remove_tags));
    tags = tags.filter((tag) => !removed.has(tag));
  }
  next.tags = tags;

  for (const field of update.custom_fields ?? []) {
    const index = next.custom_fields.findIndex((existing) => existing.id === field.id);
    const previous: CustomFieldValue = next.custom_fields[index]?.value ?? null;
    const entry: CustomField = { id: field.id, value: field.value };
    if (index === -1) next.custom_fields.push(entry);
    else next.custom_fields[index] = entry;
    change(String(field.id), field.value, previous);
  }

  change('status', next.status, current.status);
  change('custom_status_id', next.custom_status_id, current.custom_status_id);
  change('subject', next.subject, current.subject);
  change('priority', next.priority, current.priority);
  change('type', next.type, current.type);
  change('group_id', next.group_id, current.group_id);
  change('assignee_id', next.assignee_id, current.assignee_id);
  change('requester_id', next.requester_id, current.requester_id);
  change('organization_id', next.organization_id, current.organization_id);
  change('external_id', next.external_id, current.external_id);
  if (!sameTagSet(next.tags, current.tags)) {
    events.push({
      id: context.nextId(),
      type: 'Change',
      field_name: 'tags',
      value: next.tags,
      previous_value: current.tags,
    });
  }

  if (events.length === 0) return { ticket: current, comment: null, audit: null };
  next.updated_at = context.at;
  return { ticket: next, comment, audit: auditOf(auditId, next.id, context, events) };
}

/** Builds a new ticket from a POST's ticket object; `id`, `requesterId` and the URL come from the store. */
export function createTicket(
  input: TicketCreate,
  ids: { readonly ticketId: number; readonly requesterId: number; readonly url: string },
  context: WriteContext,
): AppliedWrite {
  if (input.comment === undefined) {
    throw new RequestRejection(
      recordInvalid('description', 'Description: cannot be blank; send ticket.comment.body.'),
    );
  }
  if (input.group_id !== undefined && input.group_id !== null && !context.groupExists(input.group_id)) {
    throw new RequestRejection(
      recordInvalid(
        'group_id',
        `Group ${input.group_id} does not exist; seed it (groups option or seedGroups).`,
      ),
    );
  }
  const auditId = context.nextId();
  const comment = commentFrom(
    { ...input.comment, author_id: input.comment.author_id ?? ids.requesterId },
    context,
    auditId,
  );
  const assigneeId = input.assignee_id ?? null;
  const requested = resolveStatus(
    { status: 'new', customStatusId: defaultCustomStatusId(context.customStatuses, 'new') },
    input.status,
    input.custom_status_id,
    context.customStatuses,
  );
  const opened = requested.status === 'new' && assigneeId !== null;
  const subject = input.subject ?? comment.body.split('\n')[0]?.slice(0, 80) ?? '';
  const ticket: Ticket = {
    url: ids.url,
    id: ids.ticketId,
    external_id: input.external_id ?? null,
    subject,
    raw_subject: subject,
    description: comment.body,
    status: opened ? 'open' : requested.status,
    custom_status_id: opened
      ? (defaultCustomStatusId(context.customStatuses, 'open') ?? requested.customStatusId)
      : requested.customStatusId,
    priority: input.priority ?? null,
    type: input.type ?? null,
    tags: input.tags === undefined ? [] : normalizeTags(input.tags),
    via: API_VIA,
    created_at: context.at,
    updated_at: context.at,
    requester_id: ids.requesterId,
    submitter_id: context.userId,
    organization_id: input.organization_id ?? null,
    group_id: input.group_id ?? null,
    assignee_id: assigneeId,
    custom_fields: (input.custom_fields ?? []).map((field) => ({ id: field.id, value: field.value })),
  };
  const created = (fieldName: string, value: unknown): AuditEvent => ({
    id: context.nextId(),
    type: 'Create',
    field_name: fieldName,
    value,
  });
  const events: AuditEvent[] = [
    commentEvent(comment, context.nextId()),
    created('subject', ticket.subject),
    created('status', ticket.status),
    created('priority', ticket.priority),
    created('type', ticket.type),
    created('requester_id', ticket.requester_id),
    created('group_id', ticket.group_id),
    created('assignee_id', ticket.assignee_id),
    created('tags', ticket.tags),
    ...ticket.custom_fields.map((field) => created(String(field.id), field.value)),
  ];
  return { ticket, comment, audit: auditOf(auditId, ticket.id, context, events) };
}

/** The audit event that records a comment. */
export function commentEvent(comment: Comment, eventId: number): AuditEvent {
  return {
    id: eventId,
    type: 'Comment',
    author_id: comment.author_id,
    body: comment.body,
    html_body: comment.html_body,
    plain_body: comment.plain_body,
    public: comment.public,
    attachments: comment.attachments,
    audit_id: comment.audit_id ?? 0,
  };
}

function auditOf(auditId: number, ticketId: number, context: WriteContext, events: AuditEvent[]): Audit {
  return {
    id: auditId,
    ticket_id: ticketId,
    created_at: context.at,
    author_id: context.userId,
    metadata: { system: { client: 'fake-zendesk' }, custom: {} },
    via: API_VIA,
    events,
  };
}

/** One line per audit event, for a host page's write log: `status: open → pending`, `tags +a −b`, `note: ...`. */
export function describeEvent(event: AuditEvent): string {
  switch (event.type) {
    case 'Comment': {
      const kind = event.public ? 'public reply' : 'internal note';
      const preview = event.body.length > 80 ? `${event.body.slice(0, 79)}…` : event.body;
      return `${kind} by user ${event.author_id}: ${preview.replace(/\s+/gu, ' ')}`;
    }
    case 'Create':
      return `${event.field_name} = ${JSON.stringify(event.value)}`;
    case 'Change': {
      if (event.field_name === 'tags' && Array.isArray(event.value) && Array.isArray(event.previous_value)) {
        const now = event.value as unknown[];
        const before = event.previous_value as unknown[];
        const added = now.filter((tag) => !before.includes(tag)).map((tag) => `+${String(tag)}`);
        const removed = before.filter((tag) => !now.includes(tag)).map((tag) => `−${String(tag)}`);
        return `tags ${[...added, ...removed].join(' ')}`;
      }
      const name = /^\d+$/u.test(event.field_name) ? `custom field ${event.field_name}` : event.field_name;
      return `${name}: ${JSON.stringify(event.previous_value)} → ${JSON.stringify(event.value)}`;
    }
  }
}
