/**
 * A generated, deterministic history of escalations for the supervisors' review page: tickets the app
 * escalated (record field, tags, group change and the note with its footer, all written by one update as
 * a confirm does), some sent back down by the team (a bounce), some bounced and taken back, some solved,
 * some with the follow-up overdue, overrides with their reasons, tickets from before the record field
 * (the note's footer only), a record edited by hand into something unreadable, tickets tagged by hand
 * without the app, and open tickets the save guard tagged `escalation_suggested`. The same seed and `now`
 * give the same account, so the local host, the tests and the bench look at the same history.
 *
 * Every ticket's truth comes back with it (`HistoryTicket`), so tests compare what the page read through
 * REST with what was written, not with numbers copied from a run.
 */
import { RULES, TEAMS, type Rule, type Target, type Urgency } from '../src/engine';
import { formatRecord, type EscalationRecord } from '../src/zendesk/record';
import { createFakeZendesk, type FakeZendesk, type FakeZendeskOptions } from './zendesk';

/** What to generate. */
export interface HistoryOptions {
  /** The clock, ms: every event happens before it. */
  readonly now: number;
  /** Escalated tickets, escalated within the last `spreadDays` days. */
  readonly escalations: number;
  /** Default 28, so a 30-day review holds every one of them. */
  readonly spreadDays?: number;
  /** Tickets escalated (and last touched) 40 to 80 days ago, outside a 30-day review; default 0. */
  readonly older?: number;
  /** Open tickets the save guard tagged `escalation_suggested` and nobody escalated; default 0. */
  readonly suggested?: number;
  /** Each team's group. */
  readonly groups: Readonly<Record<Target, number>>;
  /** The first-line group escalations come from and bounces go back to. */
  readonly frontlineGroupId: number;
  /** The ticket field holding the escalation record. */
  readonly recordFieldId: number;
  /** Default 5001. */
  readonly firstTicketId?: number;
  /** Seed of the generator; default 1. */
  readonly seed?: number;
}

/** How the app's escalation can be read back from a ticket. */
export type HistorySource =
  /** The record field holds it. */
  | 'record'
  /** No record (escalated before the field existed): the note's footer holds it. */
  | 'note'
  /** The record was edited by hand into something unreadable; the note's footer still holds it. */
  | 'broken_record'
  /** Tagged by hand, without the app: neither record nor footer. */
  | 'manual';

/** One generated ticket and what was done to it. */
export interface HistoryTicket {
  readonly id: number;
  readonly subject: string;
  readonly kind: 'escalated' | 'suggested';
  /** Open (not solved) now. */
  readonly open: boolean;
  /** When the app escalated it; null for a suggested-only or hand-tagged ticket. */
  readonly escalatedAt: string | null;
  readonly source: HistorySource | null;
  readonly suggestedTeams: readonly Target[];
  readonly chosenTeams: readonly Target[];
  /** The agent chose other teams than the guide suggested. */
  readonly overridden: boolean;
  readonly overrideReason: string | null;
  readonly rules: readonly string[];
  readonly agentName: string | null;
  /** Sent back from the team's group to the first line after the escalation, and still there. */
  readonly bounced: boolean;
  /** Sent back and then taken back by the team: not a bounce by the page's definition. */
  readonly roundTrip: boolean;
  readonly followUpDueAt: string | null;
  /** The ticket's `updated_at` once its history is written. */
  readonly updatedAt: string;
}

/** The people of the generated account: agents who escalate, team members, and who may sign in. */
export const HISTORY_PEOPLE = {
  agents: [
    { id: 101, name: 'Priya Shah' },
    { id: 102, name: 'Tom Becker' },
    { id: 103, name: 'Ana Lima' },
    { id: 104, name: 'Kenji Mori' },
    { id: 105, name: 'Olu Adeyemi' },
    { id: 106, name: 'Marta Nowak' },
  ],
  teamMembers: [
    { id: 201, name: 'Rui Costa' },
    { id: 202, name: 'Dana Fox' },
    { id: 203, name: 'Ivo Petrov' },
  ],
  customers: Array.from({ length: 12 }, (_, index) => ({
    id: 1001 + index,
    name: `Customer ${index + 1}`,
  })),
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const OVERRIDE_REASONS = [
  'Carrier confirmed the port is fine on their side; this is our provisioning.',
  'Customer is a partner account, handled by L2 by agreement.',
  'Same issue as the open Engineering incident, so it goes there.',
  '"Legal" asked for every case like this to come to them, per the team lead.',
  '-- on-call asked for it, see the channel',
  '=HYPERLINK("http://example.invalid","see the runbook")',
];

const SUBJECTS: Readonly<Record<string, string>> = {
  system_bug_identified: 'Data usage shows 0 MB since the update',
  esim_provisioning_stuck: 'eSIM stuck on "activating" for two days',
  port_in_rejected_3_plus: 'Port-in rejected again, fourth time',
  number_not_releasing: 'Old carrier will not release my number',
  refund_over_threshold: 'Refund for double charge, $240',
  fraud_suspected: 'Charges I did not make on my account',
  account_takeover: 'Someone changed my email and password',
  legal_threat: 'I will take this to my lawyer',
  security_incident: "I can see another customer's invoices",
  network_outage: 'No signal in the whole neighbourhood',
  vip_customer: 'Billing question from a partner account',
  complex_billing_dispute: 'Disputed charges across three invoices',
  persists_after_troubleshooting: 'Calls drop after every troubleshooting step',
  stuck_over_72h: 'Still waiting, four days now',
  app_crash_blocking: 'App crashes when I open payments <img src=x onerror=alert(1)>',
};

/** A small, fast, seeded generator (mulberry32): the same seed gives the same history everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const iso = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const URGENCY_ORDER: readonly Urgency[] = ['low', 'medium', 'high', 'critical'];
const higher = (a: Urgency, b: Urgency): Urgency =>
  URGENCY_ORDER.indexOf(a) >= URGENCY_ORDER.indexOf(b) ? a : b;
const urgencyOf = (rule: Rule): Urgency => (rule.urgent === true ? 'critical' : rule.urgency);
const ORDER: readonly Target[] = ['trust_safety', 'l2', 'engineering', 'carrier', 'legal'];
const inTeamOrder = (teams: Iterable<Target>): Target[] =>
  [...new Set(teams)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
const label = (teams: readonly Target[]): string => teams.map((team) => TEAMS[team].label).join(', ');

/** The footer the sidebar's confirm writes at the end of its note (src/zendesk/plan.ts). */
function footer(input: {
  suggested: readonly Target[];
  heldBack: boolean;
  chosen: readonly Target[];
  reason: string | null;
  agent: { id: number; name: string };
  key: string;
}): string {
  const suggestion = input.heldBack
    ? `no escalation (held back: troubleshooting_not_done), would go to ${label(input.chosen)}`
    : label(input.suggested);
  return [
    '---',
    `Escalation Guide: suggested ${suggestion}; chosen ${label(input.chosen)}.`,
    ...(input.reason === null ? [] : [`Override reason: ${input.reason}`]),
    `Confirmed by ${input.agent.name} (user ${input.agent.id}).`,
    `Escalation key: ${input.key}`,
  ].join('\n');
}

/** Seeds `fake` with the history; see the module header. Returns every ticket's truth, in id order. */
export function seedEscalationHistory(fake: FakeZendesk, options: HistoryOptions): HistoryTicket[] {
  const next = random(options.seed ?? 1);
  const pick = <Item>(items: readonly Item[]): Item => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  };
  const chance = (p: number): boolean => next() < p;
  const spread = (options.spreadDays ?? 28) * DAY;
  const routing = RULES.filter((rule) => rule.fallback !== true && SUBJECTS[rule.id] !== undefined);
  const fallbacks = RULES.filter((rule) => rule.fallback === true);
  const out: HistoryTicket[] = [];
  let ticketId = (options.firstTicketId ?? 5001) - 1;
  let usersSeeded = false;
  const users = [
    ...HISTORY_PEOPLE.agents.map((agent) => ({
      ...agent,
      role: 'agent',
      email: `${agent.id}@agents.invalid`,
    })),
    ...HISTORY_PEOPLE.teamMembers.map((member) => ({
      ...member,
      role: 'agent',
      email: `${member.id}@agents.invalid`,
    })),
    ...HISTORY_PEOPLE.customers.map((customer) => ({
      ...customer,
      role: 'end-user',
      email: `${customer.id}@customers.invalid`,
    })),
  ];

  const seedTicket = (subject: string, createdAt: number, tags: string[]): number => {
    ticketId += 1;
    const customer = pick(HISTORY_PEOPLE.customers);
    fake.seed({
      ticket: {
        id: ticketId,
        subject,
        description: `${subject}.`,
        status: 'open',
        priority: 'normal',
        tags,
        via: { channel: 'web' },
        created_at: iso(createdAt),
        updated_at: iso(createdAt),
        requester_id: customer.id,
        group_id: options.frontlineGroupId,
        assignee_id: pick(HISTORY_PEOPLE.agents).id,
        custom_fields: [{ id: options.recordFieldId, value: null }],
      },
      comments: [
        {
          id: ticketId * 10,
          author_id: customer.id,
          body: `${subject}. Please help.`,
          public: true,
          created_at: iso(createdAt),
        },
      ],
      users: usersSeeded ? [] : users,
    });
    usersSeeded = true;
    return ticketId;
  };

  const escalate = (escalatedAt: number, lastTouch: number): void => {
    const main = pick(routing);
    const covered = chance(0.2) ? pick(fallbacks) : null;
    const rules = covered === null ? [main] : [main, covered];
    const heldBack = chance(0.04);
    const guideTeams = inTeamOrder(main.targets);
    const suggested = heldBack ? [] : guideTeams;
    const overridden = heldBack || chance(0.15);
    const others = ORDER.filter((team) => !guideTeams.includes(team));
    const chosen = heldBack ? guideTeams : overridden ? [pick(others)] : guideTeams;
    const reason = overridden ? pick(OVERRIDE_REASONS) : null;
    const urgency = rules.map(urgencyOf).reduce<Urgency>(higher, 'low');
    const agent = pick(HISTORY_PEOPLE.agents);
    const roll = next();
    const source: HistorySource =
      roll < 0.03 ? 'note' : roll < 0.04 ? 'broken_record' : roll < 0.05 ? 'manual' : 'record';
    const createdAt = escalatedAt - (2 + next() * 70) * HOUR;
    const subject = SUBJECTS[main.id] ?? main.guideRow;
    const id = seedTicket(subject, createdAt, []);
    const hours = Math.min(...chosen.map((team) => TEAMS[team].followUpHours));
    const key = `eg-${id}-${((id * 2_654_435_761) >>> 0).toString(16).padStart(8, '0')}`;
    const record: EscalationRecord = {
      v: 1,
      key,
      at: iso(escalatedAt),
      by: { id: agent.id, name: agent.name },
      suggested,
      chosen,
      override: reason,
      urgency,
      rules: rules.map((rule) => rule.id),
      followUp: { dueAt: iso(escalatedAt + hours * HOUR), hours, sent: 0 },
    };
    const tags = [
      ...chosen.map((team) => TEAMS[team].tag),
      ...(urgency === 'critical' ? ['priority_high'] : []),
      ...(escalatedAt - createdAt > 48 * HOUR ? ['slo_at_risk'] : []),
    ];
    const recordText =
      source === 'record' ? formatRecord(record) : source === 'broken_record' ? '{"v":1,"key":' : null;
    const note =
      source === 'manual'
        ? `Sending this to ${label(chosen)}.`
        : `Escalating: ${subject}.\n\n${footer({ suggested, heldBack, chosen, reason, agent, key })}`;
    const primaryGroup = options.groups[chosen[0] ?? 'l2'];
    fake.seedUpdate(
      id,
      {
        group_id: primaryGroup,
        assignee_id: null,
        additional_tags: tags,
        comment: { body: note, public: false },
        ...(recordText === null ? {} : { custom_fields: [{ id: options.recordFieldId, value: recordText }] }),
      },
      { at: iso(escalatedAt), authorId: agent.id },
    );

    // What the team did afterwards, each step strictly later and before `lastTouch`.
    let at = escalatedAt;
    const later = (minHours: number, maxHours: number): number | null => {
      const when = at + (minHours + next() * (maxHours - minHours)) * HOUR;
      if (when >= lastTouch) return null;
      at = when;
      return when;
    };
    const member = pick(HISTORY_PEOPLE.teamMembers);
    let bounced = false;
    let roundTrip = false;
    if (chance(0.1)) {
      const back = later(1, 30);
      if (back !== null) {
        fake.seedUpdate(
          id,
          {
            group_id: options.frontlineGroupId,
            comment: { body: 'Not for us: please finish troubleshooting first.', public: false },
          },
          { at: iso(back), authorId: member.id },
        );
        bounced = true;
        if (chance(0.3)) {
          const again = later(1, 24);
          if (again !== null) {
            fake.seedUpdate(id, { group_id: primaryGroup }, { at: iso(again), authorId: agent.id });
            bounced = false;
            roundTrip = true;
          }
        }
      }
    }
    let open = true;
    if (escalatedAt < options.now - hours * 2 * HOUR && chance(0.7)) {
      const solved = later(2, hours * 2);
      if (solved !== null) {
        fake.seedUpdate(id, { status: 'solved' }, { at: iso(solved), authorId: member.id });
        open = false;
      }
    }
    out.push({
      id,
      subject,
      kind: 'escalated',
      open,
      escalatedAt: source === 'manual' ? null : iso(escalatedAt),
      source,
      suggestedTeams: suggested,
      chosenTeams: chosen,
      overridden,
      overrideReason: reason,
      rules: record.rules,
      agentName: agent.name,
      bounced,
      roundTrip,
      followUpDueAt: record.followUp.dueAt,
      updatedAt: fake.ticket(id)?.updated_at ?? '',
    });
  };

  for (let index = 0; index < options.escalations; index += 1) {
    escalate(options.now - (0.05 + next() * 0.95) * spread, options.now - 60_000);
  }
  for (let index = 0; index < (options.older ?? 0); index += 1) {
    const escalatedAt = options.now - (40 + next() * 40) * DAY;
    escalate(escalatedAt, escalatedAt + 5 * DAY);
  }
  for (let index = 0; index < (options.suggested ?? 0); index += 1) {
    const main = pick(routing);
    const subject = SUBJECTS[main.id] ?? main.guideRow;
    const createdAt = options.now - (0.1 + next() * 0.9) * spread;
    const id = seedTicket(subject, createdAt, []);
    const savedAt = Math.min(options.now - 60_000, createdAt + (1 + next() * 20) * HOUR);
    fake.seedUpdate(
      id,
      {
        additional_tags: ['escalation_suggested'],
        comment: { body: 'Asked for the device model.', public: true },
      },
      { at: iso(savedAt), authorId: pick(HISTORY_PEOPLE.agents).id },
    );
    // A few were solved since: the page must not list them.
    const solved = chance(0.2);
    if (solved) {
      fake.seedUpdate(
        id,
        { status: 'solved' },
        { at: iso(Math.min(options.now - 30_000, savedAt + HOUR)), authorId: pick(HISTORY_PEOPLE.agents).id },
      );
    }
    out.push({
      id,
      subject,
      kind: 'suggested',
      open: !solved,
      escalatedAt: null,
      source: null,
      suggestedTeams: inTeamOrder(main.targets),
      chosenTeams: [],
      overridden: false,
      overrideReason: null,
      rules: [main.id],
      agentName: null,
      bounced: false,
      roundTrip: false,
      followUpDueAt: null,
      updatedAt: fake.ticket(id)?.updated_at ?? '',
    });
  }
  return out;
}

/** The account the review runs against: the first-line and supervisor groups, the record field, sign-ins. */
export const REVIEW_ACCOUNT = {
  frontlineGroup: { id: 24000000000100, name: 'Tier 1 Support' },
  supervisorGroup: { id: 24000000000110, name: 'Support Supervisors' },
  recordFieldId: 24000000000301,
  /** The app's installation in the account, which created the record field. */
  installationId: 1,
  /** Who can sign in: a supervisor by group, an admin, and an agent who is neither. */
  viewers: {
    supervisor: { id: 301, name: 'Sam Supervisor', email: 'sam@agents.invalid', role: 'agent' },
    admin: { id: 302, name: 'Ada Admin', email: 'ada@agents.invalid', role: 'admin' },
    agent: { id: 303, name: 'Lee Agent', email: 'lee@agents.invalid', role: 'agent' },
  },
} as const;

/** A sign-in of the review account. */
export type ReviewViewer = keyof typeof REVIEW_ACCOUNT.viewers;

/** The groups a viewer belongs to, as ZAF's `currentUser.groups` lists them. */
export function viewerGroups(viewer: ReviewViewer): { id: number; name: string }[] {
  const frontline = { ...REVIEW_ACCOUNT.frontlineGroup };
  return viewer === 'supervisor' ? [frontline, { ...REVIEW_ACCOUNT.supervisorGroup }] : [frontline];
}

/** Options of `createHistoryAccount`: the history's, the fake's, and who is signed in. */
export interface HistoryAccountOptions extends Omit<
  HistoryOptions,
  'groups' | 'frontlineGroupId' | 'recordFieldId'
> {
  readonly teamGroups: Readonly<Record<Target, { readonly id: number; readonly name: string }>>;
  readonly viewer?: ReviewViewer;
  readonly fake?: Omit<FakeZendeskOptions, 'now' | 'groups' | 'currentUser'>;
}

/**
 * A fake Zendesk holding a generated history, its clock at `now`, with the viewer signed in, and the
 * installation settings (manifest parameters) the review reads: team groups, record field, supervisors.
 */
export function createHistoryAccount(options: HistoryAccountOptions): {
  fake: FakeZendesk;
  tickets: HistoryTicket[];
  settings: Record<string, string>;
} {
  const viewer = REVIEW_ACCOUNT.viewers[options.viewer ?? 'supervisor'];
  const teams = Object.entries(options.teamGroups) as [Target, { id: number; name: string }][];
  const fake = createFakeZendesk({
    ...options.fake,
    now: () => options.now,
    currentUser: viewer,
    groups: [
      ...teams.map(([, group]) => group),
      REVIEW_ACCOUNT.frontlineGroup,
      REVIEW_ACCOUNT.supervisorGroup,
    ],
  });
  const tickets = seedEscalationHistory(fake, {
    ...options,
    groups: Object.fromEntries(teams.map(([team, group]) => [team, group.id])) as Record<Target, number>,
    frontlineGroupId: REVIEW_ACCOUNT.frontlineGroup.id,
    recordFieldId: REVIEW_ACCOUNT.recordFieldId,
  });
  // The app is installed: its record field is the installation's `escalation_record` requirement, which
  // ZAF's `requirement:escalation_record` get and the requirements list answer.
  fake.resources.addInstallation(REVIEW_ACCOUNT.installationId);
  fake.resources.addRequirement(
    REVIEW_ACCOUNT.installationId,
    'escalation_record',
    'ticket_fields',
    REVIEW_ACCOUNT.recordFieldId,
  );
  const settings: Record<string, string> = {
    ...Object.fromEntries(teams.map(([team, group]) => [`${team}_group_id`, String(group.id)])),
    record_field_id: String(REVIEW_ACCOUNT.recordFieldId),
    supervisor_group_ids: String(REVIEW_ACCOUNT.supervisorGroup.id),
  };
  return { fake, tickets, settings };
}
