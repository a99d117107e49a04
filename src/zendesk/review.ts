/**
 * Loads what the supervisors' review shows for a period, as cheaply as Zendesk allows:
 *
 * - two searches (escalated tickets; open tickets tagged `escalation_suggested` and not escalated) and
 *   the group list, in parallel. A search result carries the ticket's tags, group, status and custom
 *   fields, so the escalation record (src/zendesk/record.ts) arrives with it: suggested against chosen
 *   routing, override reason, urgency, rules and follow-up need no further request.
 * - audits only where they add something, a few at a time: a ticket whose record is missing or
 *   unreadable (its note's footer says what was escalated), and a bounce candidate, a ticket that is in
 *   none of its chosen teams' groups now (the audits say whether a team sent it back, when and by whom;
 *   src/zendesk/reviewHistory.ts defines "bounced"). A ticket still with its team has not bounced, so its
 *   audits are not read. For 1,000 escalations that is tens of audit requests, not a thousand.
 *
 * The search is filtered by `updated` (a ticket escalated in the period was updated since its start);
 * the record's `at` then keeps exactly the escalations of the period.
 */
import * as v from 'valibot';
import { TARGETS, TEAMS, type Target, type Urgency } from '../engine';
import { parseRecord } from './record';
import { allPages, type RestOptions } from './rest';
import { auditSchema, escalationNote, firstBounce, type Bounce, type ReviewAudit } from './reviewHistory';
import { mapBounded, REVIEW_CONCURRENCY } from './reviewPool';
import { searchTickets, type SearchTicket } from './reviewSearch';
import type { AppSettings, ZafClient } from './types';

/** The period under review: escalations at or after `from` and before `to` (ms since the epoch). */
export interface ReviewPeriod {
  from: number;
  to: number;
}

/** A ticket as the review lists it. */
export interface ReviewTicket {
  id: number;
  subject: string;
  status: string;
  groupId: number | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** One escalation in the period, read from the record or, failing that, from the note's footer. */
export interface LoadedEscalation {
  ticket: ReviewTicket;
  source: 'record' | 'note';
  /** What is wrong with the record field, when the footer had to stand in for it. */
  recordProblem: string | null;
  key: string;
  at: string;
  by: { id: number; name: string } | null;
  suggested: Target[];
  chosen: Target[];
  /** The agent's reason for choosing differently; null when they agreed. */
  override: string | null;
  /** Null when only the note was readable and the ticket carries no `priority_high`. */
  urgency: Urgency | null;
  /** Null when only the note was readable (the footer does not list rules). */
  rules: string[] | null;
  /** From the record; from the note, the due time follows from the chosen teams and `sent` is unknown. */
  followUp: { dueAt: string; hours: number; sent: number | null };
  bounce: Bounce | null;
  /** False when none of the chosen teams has a group set, so a bounce cannot be told. */
  bounceKnown: boolean;
}

/** Everything the page shows, and what it cost. */
export interface ReviewData {
  period: ReviewPeriod;
  escalations: LoadedEscalation[];
  /** Tagged as escalated, but neither a record nor a note from the app says how (tagged by hand). */
  unreadable: { ticket: ReviewTicket; problem: string }[];
  /** Open tickets that met an escalation rule and were saved without escalating. */
  suggested: ReviewTicket[];
  /** Zendesk's counts of matches; `capped` when only the first 1,000 could be read. */
  searches: {
    escalations: { count: number; capped: boolean };
    suggested: { count: number; capped: boolean };
  };
  groupNames: Record<number, string>;
  stats: { requests: number; auditsRead: number };
}

/** Options of `loadReview`. */
export interface ReviewLoadOptions extends RestOptions {
  /** The clock, ms; default `Date.now()`. */
  readonly now?: number;
  /** Reads in flight at once; default REVIEW_CONCURRENCY. */
  readonly concurrency?: number;
}

/** Tags the confirm adds per team: a ticket with any of them was escalated. */
export const ESCALATED_TAGS: readonly string[] = TARGETS.map((target) => TEAMS[target].tag);
/** The save guard's tag on an open ticket that met an escalation rule but was saved without escalating. */
export const SUGGESTED_TAG = 'escalation_suggested';

const HOUR_MS = 3_600_000;
const isoSecond = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** The search for escalated tickets touched in the period (any escalation tag: `tags:` repeated is OR). */
export function escalationQuery(period: ReviewPeriod, now: number): string {
  return ['type:ticket', ...ESCALATED_TAGS.map((tag) => `tags:${tag}`), ...dateTerms(period, now)].join(' ');
}

/** The search for open, unescalated tickets the save guard tagged, touched in the period. */
export function suggestedQuery(period: ReviewPeriod, now: number): string {
  return [
    'type:ticket',
    `tags:${SUGGESTED_TAG}`,
    'status<solved',
    ...ESCALATED_TAGS.map((tag) => `-tags:${tag}`),
    ...dateTerms(period, now),
  ].join(' ');
}

function dateTerms(period: ReviewPeriod, now: number): string[] {
  // A second before `from`, as `>` is strict; nothing created after the period can have been escalated in it.
  return [
    `updated>${isoSecond(period.from - 1000)}`,
    ...(period.to < now ? [`created<${isoSecond(period.to)}`] : []),
  ];
}

const groupSchema = v.looseObject({ id: v.number(), name: v.string() });

/** Loads the review for `period`; see the module header. REST failures reject with a ZendeskError. */
export async function loadReview(
  client: ZafClient,
  settings: Pick<AppSettings, 'groups' | 'recordFieldId'>,
  period: ReviewPeriod,
  options: ReviewLoadOptions = {},
): Promise<ReviewData> {
  const now = options.now ?? Date.now();
  const concurrency = options.concurrency ?? REVIEW_CONCURRENCY;
  let requests = 0;
  const counted: ZafClient = {
    get: (paths) => client.get(paths),
    set: (path, value) => client.set(path, value),
    invoke: (name, ...args) => client.invoke(name, ...args),
    request: (request) => {
      requests += 1;
      return client.request(request);
    },
    metadata: () => client.metadata(),
    context: () => client.context(),
    on: (event, handler) => {
      client.on(event, handler);
    },
    off: (event, handler) => {
      client.off(event, handler);
    },
  };
  const restOptions: RestOptions = {
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    ...(options.maxWaitSeconds === undefined ? {} : { maxWaitSeconds: options.maxWaitSeconds }),
  };

  const [escalated, suggested, groups] = await Promise.all([
    searchTickets(counted, escalationQuery(period, now), { ...restOptions, concurrency }),
    searchTickets(counted, suggestedQuery(period, now), { ...restOptions, concurrency }),
    allPages(counted, '/api/v2/groups.json', 'groups', groupSchema, restOptions),
  ]);

  const inPeriod = (at: string): boolean => {
    const ms = Date.parse(at);
    return ms >= period.from && ms < period.to;
  };
  const teamGroups = (chosen: readonly Target[]): Set<number> =>
    new Set(chosen.flatMap((team) => (settings.groups[team] === undefined ? [] : [settings.groups[team]])));

  const escalations: LoadedEscalation[] = [];
  const needsAudits: {
    ticket: SearchTicket;
    recordProblem: string | null;
    fromRecord: LoadedEscalation | null;
  }[] = [];
  for (const found of escalated.tickets) {
    const ticket = reviewTicket(found);
    const text =
      settings.recordFieldId === null
        ? null
        : (found.custom_fields.find((field) => field.id === settings.recordFieldId)?.value ?? null);
    const read = parseRecord(text);
    if (read === null || 'problem' in read) {
      needsAudits.push({ ticket: found, recordProblem: read?.problem ?? null, fromRecord: null });
      continue;
    }
    const { record } = read;
    if (!inPeriod(record.at)) continue;
    const groupsOfTeams = teamGroups(record.chosen);
    const escalation: LoadedEscalation = {
      ticket,
      source: 'record',
      recordProblem: null,
      key: record.key,
      at: record.at,
      by: { id: record.by.id, name: record.by.name },
      suggested: [...record.suggested],
      chosen: [...record.chosen],
      override: record.override,
      urgency: record.urgency,
      rules: [...record.rules],
      followUp: { dueAt: record.followUp.dueAt, hours: record.followUp.hours, sent: record.followUp.sent },
      bounce: null,
      bounceKnown: groupsOfTeams.size > 0,
    };
    const withTeam = ticket.groupId !== null && groupsOfTeams.has(ticket.groupId);
    if (escalation.bounceKnown && !withTeam)
      needsAudits.push({ ticket: found, recordProblem: null, fromRecord: escalation });
    else escalations.push(escalation);
  }

  const unreadable: ReviewData['unreadable'] = [];
  const histories = await mapBounded(needsAudits, concurrency, (item) =>
    allPages(counted, `/api/v2/tickets/${item.ticket.id}/audits.json`, 'audits', auditSchema, restOptions),
  );
  needsAudits.forEach((item, index) => {
    const audits: ReviewAudit[] = histories[index] ?? [];
    const ticket = reviewTicket(item.ticket);
    let escalation = item.fromRecord;
    if (escalation === null) {
      const note = escalationNote(audits);
      if (note === null) {
        unreadable.push({
          ticket,
          problem:
            item.recordProblem ??
            'It carries an escalation tag, but no escalation record and no note from the app (tagged by hand?).',
        });
        return;
      }
      if (!inPeriod(note.at)) return;
      const { footer } = note;
      const hours = Math.min(...footer.chosen.map((team) => TEAMS[team].followUpHours));
      escalation = {
        ticket,
        source: 'note',
        recordProblem: item.recordProblem,
        key: footer.key,
        at: note.at,
        by: footer.by ?? { id: note.authorId, name: `user ${note.authorId}` },
        suggested: footer.suggested,
        chosen: footer.chosen,
        override: footer.override,
        urgency: ticket.tags.includes('priority_high') ? 'critical' : null,
        rules: null,
        followUp: { dueAt: isoSecond(Date.parse(note.at) + hours * HOUR_MS), hours, sent: null },
        bounce: null,
        bounceKnown: teamGroups(footer.chosen).size > 0,
      };
    }
    const groupsOfTeams = teamGroups(escalation.chosen);
    const withTeam = ticket.groupId !== null && groupsOfTeams.has(ticket.groupId);
    escalations.push({
      ...escalation,
      bounce: escalation.bounceKnown && !withTeam ? firstBounce(audits, escalation.at, groupsOfTeams) : null,
    });
  });

  escalations.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.ticket.id - a.ticket.id);
  return {
    period,
    escalations,
    unreadable,
    suggested: suggested.tickets
      .map(reviewTicket)
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)),
    searches: {
      escalations: { count: escalated.count, capped: escalated.capped },
      suggested: { count: suggested.count, capped: suggested.capped },
    },
    groupNames: Object.fromEntries(groups.map((group) => [group.id, group.name])),
    stats: { requests, auditsRead: needsAudits.length },
  };
}

function reviewTicket(found: SearchTicket): ReviewTicket {
  return {
    id: found.id,
    subject: found.subject ?? '',
    status: found.status,
    groupId: found.group_id,
    tags: [...found.tags],
    createdAt: found.created_at,
    updatedAt: found.updated_at,
  };
}
