/**
 * The ZAF objects of the ticket sidebar (Ticket, User, Group, Organization, Comment), built from the fake
 * Zendesk's REST objects: one set of shapes for the fake ZAF client (unit tests) and the local host. ZAF uses camelCase (`createdAt`, `externalId`) and nests related objects
 * (`ticket.requester` is a User, `ticket.assignee` is `{user, group}`), where REST has `*_id` fields.
 * Only properties with a clear REST source are filled; an app that needs more reads REST, as this one does.
 */
import type { Comment, Ticket, User, Via } from './types';

/** ZAF Group object. */
export interface ZafGroup {
  readonly id: number;
  readonly name: string;
}

/** ZAF Organization object (the part REST gives). */
export interface ZafOrganization {
  readonly id: number;
  readonly name: string;
  readonly tags: readonly string[];
}

/** ZAF User object (the part REST gives). */
export interface ZafUser {
  readonly id: number;
  readonly name: string;
  readonly email: string | null;
  readonly role: string;
  readonly externalId: null;
  readonly tags: readonly string[];
  readonly organizations: readonly ZafOrganization[];
  /** Only agents have groups. */
  readonly groups: readonly ZafGroup[];
}

/** ZAF Comment object of `ticket.comments`. */
export interface ZafComment {
  readonly id: number;
  /** The comment as HTML, as ZAF gives it. */
  readonly value: string;
  readonly author: ZafUser | null;
  readonly via: Via;
  readonly imageAttachments: readonly unknown[];
  readonly nonImageAttachments: readonly unknown[];
}

/** ZAF Ticket object. Custom fields are read by path (`ticket.customField:custom_field_<id>`), not here. */
export interface ZafTicket {
  readonly id: number;
  readonly subject: string;
  readonly description: string;
  readonly status: string;
  readonly priority: string | null;
  readonly type: string | null;
  readonly tags: readonly string[];
  readonly externalId: string | null;
  readonly requester: ZafUser | null;
  readonly assignee: { readonly user: ZafUser | null; readonly group: ZafGroup | null };
  readonly organization: ZafOrganization | null;
  readonly via: Via;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly customStatus: { readonly id: number } | null;
  readonly comments: readonly ZafComment[];
}

/** Lookups the builders need: the fake's users, the account's groups and the bundle's organization. */
export interface Directory {
  user(id: number): User | undefined;
  group(id: number): ZafGroup | undefined;
  organization(id: number): ZafOrganization | undefined;
  /** Groups an agent belongs to; the host puts every agent in every group it knows. */
  agentGroups(): readonly ZafGroup[];
}

/** A ZAF User object, or null for an id the account does not know. */
export function zafUser(id: number | null, directory: Directory): ZafUser | null {
  if (id === null) return null;
  const user = directory.user(id);
  if (user === undefined) return null;
  const organization =
    user.organization_id === null ? undefined : directory.organization(user.organization_id);
  const isAgent = user.role === 'agent' || user.role === 'admin';
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    externalId: null,
    tags: [...user.tags],
    organizations: organization === undefined ? [] : [organization],
    groups: isAgent ? [...directory.agentGroups()] : [],
  };
}

/** ZAF's `via`: always a channel and a source (null when REST gives none). */
function zafVia(via: Via): Via {
  return { channel: via.channel, source: via.source ?? null };
}

/** A ZAF Comment object. */
export function zafComment(comment: Comment, directory: Directory): ZafComment {
  return {
    id: comment.id,
    value: comment.html_body,
    author: zafUser(comment.author_id, directory),
    via: zafVia(comment.via),
    imageAttachments: [],
    nonImageAttachments: [],
  };
}

/** A ZAF Ticket object for a REST ticket (as the agent's form shows it) and its stored comments. */
export function zafTicket(ticket: Ticket, comments: readonly Comment[], directory: Directory): ZafTicket {
  const organization =
    ticket.organization_id === null ? undefined : directory.organization(ticket.organization_id);
  return {
    id: ticket.id,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    tags: [...ticket.tags],
    externalId: ticket.external_id,
    requester: zafUser(ticket.requester_id, directory),
    assignee: {
      user: zafUser(ticket.assignee_id, directory),
      group: ticket.group_id === null ? null : (directory.group(ticket.group_id) ?? null),
    },
    organization: organization ?? null,
    via: zafVia(ticket.via),
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    customStatus: ticket.custom_status_id === null ? null : { id: ticket.custom_status_id },
    comments: comments.map((comment) => zafComment(comment, directory)),
  };
}

const CUSTOM_FIELD_PATH = /^ticket\.customField:custom_field_(\d+)$/u;

/** The field id of a `ticket.customField:custom_field_<id>` path, or null for any other path. */
export function customFieldIdOf(path: string): number | null {
  const match = CUSTOM_FIELD_PATH.exec(path);
  return match?.[1] === undefined ? null : Number(match[1]);
}
