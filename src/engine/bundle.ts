/**
 * The ticket bundle: one ticket and its history in Zendesk's own REST shapes (shared/cases/FORMAT.md).
 * This module parses unknown JSON into a typed bundle at the edge; everything inward trusts the types.
 */
import * as v from 'valibot';
import { maskSensitive } from './mask';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const isoDate = v.pipe(
  v.string('must be an ISO-8601 date string'),
  v.check((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)), 'is not an ISO-8601 date'),
);
const id = v.union(
  [v.number(), v.pipe(v.string(), v.regex(/^\d+$/, 'must be a numeric id'))],
  'must be a numeric id',
);
const strings = v.array(v.string('must be a string'), 'must be a list of strings');
const opt = <T extends v.GenericSchema>(schema: T) => v.nullish(schema);

const fieldValue = v.union(
  [v.string(), v.number(), v.boolean(), v.null(), strings],
  'must be a string, number, boolean, null or list of strings',
);

const TicketSchema = v.looseObject({
  id: opt(id),
  subject: opt(v.string()),
  description: opt(v.string()),
  status: opt(v.string()),
  priority: opt(v.string()),
  type: opt(v.string()),
  tags: opt(strings),
  via: opt(v.looseObject({ channel: opt(v.string()) })),
  created_at: opt(isoDate),
  updated_at: opt(isoDate),
  requester_id: opt(id),
  organization_id: opt(id),
  group_id: opt(id),
  assignee_id: opt(id),
  custom_fields: opt(
    v.array(v.looseObject({ id, value: opt(fieldValue) }, 'must be an {id, value} object'), 'must be a list'),
  ),
});

const CommentSchema = v.looseObject({
  id: opt(id),
  author_id: opt(id),
  body: opt(v.string()),
  plain_body: opt(v.string()),
  public: opt(v.boolean()),
  created_at: opt(isoDate),
});

const UserSchema = v.looseObject({
  id,
  name: opt(v.string()),
  email: opt(v.string()),
  role: opt(v.string()),
  tags: opt(strings),
  created_at: opt(isoDate),
  user_fields: opt(v.record(v.string(), v.unknown())),
});

const OrganizationSchema = v.looseObject({
  id: opt(id),
  name: opt(v.string()),
  tags: opt(strings),
  organization_fields: opt(v.record(v.string(), v.unknown())),
});

const ChecklistSchema = v.looseObject({
  troubleshooting_done: opt(v.boolean()),
  info_complete: opt(v.boolean()),
  known_issue_with_workaround: opt(v.boolean()),
  only_wants_manager: opt(v.boolean()),
  port_in_info_verified: opt(v.boolean()),
});

/** A manifest parameter arrives as text; a case file may hold a number. Both must read as a number. */
const numeric = v.union(
  [v.number(), v.pipe(v.string(), v.regex(/^\s*\d+(\.\d+)?\s*$/, 'must be a number'))],
  'must be a number',
);

const SettingsSchema = v.looseObject({
  category_field_id: opt(id),
  refund_amount_field_id: opt(id),
  device_field_id: opt(id),
  vip_tags: opt(v.union([strings, v.string()], 'must be a list of tags or comma-separated text')),
  refund_threshold: opt(numeric),
  stuck_hours: opt(numeric),
  slo_risk_hours: opt(numeric),
  outage_threshold: opt(numeric),
});

export const BundleSchema = v.looseObject({
  now: opt(isoDate),
  ticket: v.looseObject(TicketSchema.entries, 'must be a ticket object'),
  comments: opt(v.array(CommentSchema, 'must be a list of comments')),
  users: opt(v.array(UserSchema, 'must be a list of users')),
  organization: opt(OrganizationSchema),
  requester_tickets: opt(v.array(TicketSchema, 'must be a list of tickets')),
  similar_recent_tickets: opt(
    v.pipe(
      v.number('must be a number'),
      v.integer('must be a whole number'),
      v.minValue(0, 'must be 0 or more'),
    ),
  ),
  agent_checklist: opt(ChecklistSchema),
  settings: opt(SettingsSchema),
});

export type Bundle = v.InferOutput<typeof BundleSchema>;
export type Ticket = v.InferOutput<typeof TicketSchema>;
export type Comment = v.InferOutput<typeof CommentSchema>;
export type User = v.InferOutput<typeof UserSchema>;
export type Organization = v.InferOutput<typeof OrganizationSchema>;
export type Checklist = v.InferOutput<typeof ChecklistSchema>;
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type ChecklistKey = keyof typeof ChecklistSchema.entries;

export type ParseResult = { ok: true; bundle: Bundle } | { ok: false; error: string };

/**
 * Parses a case file (`{bundle, expect}`) or a bare bundle. The error names the first problem by its path,
 * e.g. `bundle.comments[2].created_at is not an ISO-8601 date (got "yesterday")`.
 */
export function parseBundle(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'expected a JSON object with a "ticket" (or a case with a "bundle")' };
  }
  const isCase = 'bundle' in input && !('ticket' in input);
  const raw = isCase ? input.bundle : input;
  if (typeof raw !== 'object' || raw === null || !('ticket' in raw)) {
    return { ok: false, error: `${isCase ? 'bundle has' : 'has'} no "ticket" object` };
  }
  const result = v.safeParse(BundleSchema, raw);
  if (result.success) return { ok: true, bundle: result.output };
  const issue = result.issues[0];
  const path = (isCase ? 'bundle.' : '') + describePath(issue.path);
  return { ok: false, error: `${path} ${issue.message} (got ${preview(issue.input)})` };
}

function describePath(path: readonly { key: unknown }[] | undefined): string {
  if (!path?.length) return '(root)';
  return path
    .map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : `${i ? '.' : ''}${String(p.key)}`))
    .join('');
}

/** The offending value, short and masked: an error line is output too, and may be pasted anywhere. */
function preview(value: unknown): string {
  const text = value === undefined ? 'nothing' : maskSensitive(JSON.stringify(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
