/**
 * Zendesk Support REST (v2) objects as the fake stores and answers them, and the valibot schemas that
 * turn a seeded bundle (shared/cases/FORMAT.md) into them. Field names and shapes follow Zendesk's API
 * reference; fields the fake never reads are still kept so a response round-trips what was seeded.
 */
import * as v from 'valibot';

/** Ticket status categories, in Zendesk's own order (search compares `status<solved` by this order). */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
/** A ticket status category. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Ticket priorities, lowest first (search compares `priority>normal` by this order). */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** A ticket priority. */
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Ticket types. */
export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'] as const;
/** A ticket type. */
export type TicketType = (typeof TICKET_TYPES)[number];

/** A custom field's value: text, number, checkbox, dropdown tag, multiselect tags, or empty. */
export type CustomFieldValue = string | number | boolean | null | string[];

/** One entry of a ticket's `custom_fields`. */
export interface CustomField {
  id: number;
  value: CustomFieldValue;
}

/** How a ticket or comment was created (`via.channel` picks the customer-message variant). */
export interface Via {
  channel: string;
  source?: unknown;
}

/** A ticket as `GET /api/v2/tickets/{id}` returns it. */
export interface Ticket {
  url: string;
  id: number;
  external_id: string | null;
  subject: string;
  raw_subject: string;
  description: string;
  status: TicketStatus;
  custom_status_id: number | null;
  priority: TicketPriority | null;
  type: TicketType | null;
  tags: string[];
  via: Via;
  created_at: string;
  updated_at: string;
  /** Always a user id in Zendesk; null only when a seeded ticket left it out. */
  requester_id: number | null;
  submitter_id: number | null;
  organization_id: number | null;
  group_id: number | null;
  assignee_id: number | null;
  custom_fields: CustomField[];
}

/** A ticket comment as `GET /api/v2/tickets/{id}/comments` returns it. */
export interface Comment {
  id: number;
  type: 'Comment';
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  attachments: unknown[];
  audit_id: number | null;
  via: Via;
  created_at: string;
}

/** A user as `GET /api/v2/users/show_many` returns it. */
export interface User {
  url: string;
  id: number;
  name: string;
  email: string | null;
  role: string;
  tags: string[];
  organization_id: number | null;
  created_at: string;
  updated_at: string;
  user_fields: Record<string, unknown>;
}

/** An organization as `GET /api/v2/organizations/{id}` returns it. */
export interface Organization {
  url: string;
  id: number;
  name: string;
  tags: string[];
  organization_fields: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** A group as `GET /api/v2/groups` returns it. */
export interface Group {
  url: string;
  id: number;
  name: string;
  description: string;
  default: boolean;
  deleted: boolean;
  is_public: boolean;
  created_at: string;
  updated_at: string;
}

/** A custom ticket status as `GET /api/v2/custom_statuses` returns it. */
export interface CustomStatus {
  id: number;
  status_category: Exclude<TicketStatus, 'closed'>;
  agent_label: string;
  end_user_label: string;
  description: string;
  end_user_description: string;
  active: boolean;
  default: boolean;
  created_at: string;
  updated_at: string;
}

/** Audit event: a property set on a newly created ticket. */
export interface CreateEvent {
  id: number;
  type: 'Create';
  field_name: string;
  value: unknown;
}

/** Audit event: a property changed on an existing ticket (custom fields use the field id as `field_name`). */
export interface ChangeEvent {
  id: number;
  type: 'Change';
  field_name: string;
  value: unknown;
  previous_value: unknown;
}

/** Audit event: a comment was added. */
export interface CommentEvent {
  id: number;
  type: 'Comment';
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  attachments: unknown[];
  audit_id: number;
}

/** One event of a ticket audit. */
export type AuditEvent = CreateEvent | ChangeEvent | CommentEvent;

/** One update of a ticket, as `GET /api/v2/tickets/{id}/audits` returns it. */
export interface Audit {
  id: number;
  ticket_id: number;
  created_at: string;
  author_id: number;
  metadata: { system: Record<string, unknown>; custom: Record<string, unknown> };
  via: Via;
  events: AuditEvent[];
}

const id = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const nullableId = v.nullable(id);
const timestamp = v.pipe(
  v.string(),
  v.check((text) => !Number.isNaN(Date.parse(text)), 'must be an ISO-8601 timestamp'),
);
const customFieldValue = v.union([v.string(), v.number(), v.boolean(), v.null(), v.array(v.string())]);
const customField = v.looseObject({ id, value: v.optional(customFieldValue, null) });
const via = v.looseObject({ channel: v.string(), source: v.optional(v.unknown()) });

/**
 * A seeded ticket: only `id` is required, because a case file may carry just the fields it tests.
 * Unknown keys are kept so the fake answers with everything the case file held.
 */
export const seedTicketSchema = v.looseObject({
  url: v.optional(v.string()),
  id,
  external_id: v.optional(v.nullable(v.string()), null),
  subject: v.optional(v.string(), ''),
  raw_subject: v.optional(v.string()),
  description: v.optional(v.string(), ''),
  status: v.optional(v.picklist(TICKET_STATUSES), 'open'),
  custom_status_id: v.optional(nullableId),
  priority: v.optional(v.nullable(v.picklist(TICKET_PRIORITIES)), null),
  type: v.optional(v.nullable(v.picklist(TICKET_TYPES)), null),
  tags: v.optional(v.array(v.string()), []),
  via: v.optional(via, { channel: 'web' }),
  created_at: v.optional(timestamp),
  updated_at: v.optional(timestamp),
  requester_id: v.optional(nullableId, null),
  submitter_id: v.optional(nullableId),
  organization_id: v.optional(nullableId, null),
  group_id: v.optional(nullableId, null),
  assignee_id: v.optional(nullableId, null),
  custom_fields: v.optional(v.array(customField), []),
});
/** A seeded ticket after validation, before the fake fills Zendesk's remaining defaults. */
export type SeedTicket = v.InferOutput<typeof seedTicketSchema>;

/** A seeded comment; `body` and `created_at` default so a terse case file still loads. */
export const seedCommentSchema = v.looseObject({
  id,
  type: v.optional(v.literal('Comment'), 'Comment'),
  author_id: id,
  body: v.optional(v.string()),
  html_body: v.optional(v.string()),
  plain_body: v.optional(v.string()),
  public: v.optional(v.boolean(), true),
  attachments: v.optional(v.array(v.unknown()), []),
  audit_id: v.optional(nullableId, null),
  via: v.optional(via),
  created_at: v.optional(timestamp),
});
/** A seeded comment after validation. */
export type SeedComment = v.InferOutput<typeof seedCommentSchema>;

/** A seeded user. */
export const seedUserSchema = v.looseObject({
  url: v.optional(v.string()),
  id,
  name: v.optional(v.string(), ''),
  email: v.optional(v.nullable(v.string()), null),
  role: v.optional(v.string(), 'end-user'),
  tags: v.optional(v.array(v.string()), []),
  organization_id: v.optional(nullableId, null),
  created_at: v.optional(timestamp),
  updated_at: v.optional(timestamp),
  user_fields: v.optional(v.record(v.string(), v.unknown()), {}),
});
/** A seeded user after validation. */
export type SeedUser = v.InferOutput<typeof seedUserSchema>;

/** A seeded organization. */
export const seedOrganizationSchema = v.looseObject({
  url: v.optional(v.string()),
  id,
  name: v.optional(v.string(), ''),
  tags: v.optional(v.array(v.string()), []),
  organization_fields: v.optional(v.record(v.string(), v.unknown()), {}),
  created_at: v.optional(timestamp),
  updated_at: v.optional(timestamp),
});
/** A seeded organization after validation. */
export type SeedOrganization = v.InferOutput<typeof seedOrganizationSchema>;

/** A seeded group. */
export const seedGroupSchema = v.looseObject({
  id,
  name: v.string(),
  description: v.optional(v.string(), ''),
  default: v.optional(v.boolean(), false),
  deleted: v.optional(v.boolean(), false),
  is_public: v.optional(v.boolean(), true),
});
/** A group to seed (`name` is the only field beyond `id` that matters to an app). */
export type SeedGroup = v.InferInput<typeof seedGroupSchema>;

/** The settings keys the fake reads from a bundle; everything else in `settings` is ignored. */
const seedSettingsSchema = v.looseObject({
  category_field_id: v.optional(v.union([id, v.pipe(v.string(), v.regex(/^\d+$/u))])),
});

/**
 * A ticket bundle as shared/cases/FORMAT.md defines it. The fake reads the REST objects, `now` and
 * `similar_recent_tickets` (with `settings.category_field_id`); `agent_checklist` and the other settings
 * belong to the sidebar and the engine, not to Zendesk, so they are accepted and ignored.
 */
export const seedBundleSchema = v.looseObject({
  now: v.optional(timestamp),
  ticket: seedTicketSchema,
  comments: v.optional(v.array(seedCommentSchema), []),
  users: v.optional(v.array(seedUserSchema), []),
  organization: v.optional(v.nullable(seedOrganizationSchema), null),
  requester_tickets: v.optional(v.array(seedTicketSchema), []),
  similar_recent_tickets: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  settings: v.optional(seedSettingsSchema),
});
/** A ticket bundle after validation. */
export type SeedBundle = v.InferOutput<typeof seedBundleSchema>;
/** A ticket bundle as a case file or test writes it. */
export type SeedBundleInput = v.InferInput<typeof seedBundleSchema>;
