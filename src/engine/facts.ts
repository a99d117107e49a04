/**
 * Facts: everything the rules read, extracted once from the bundle, each with its evidence.
 * Bad or missing data never throws here: it becomes an unknown fact.
 */
import type { Bundle, ChecklistKey, Ticket } from './bundle';
import { clean } from './details';
import { fact, uniqueEvidence, type Evidence, type Fact } from './evidence';
import { maskSensitive } from './mask';
import { PHRASES, type PhraseKey } from './phrases';
import { engineSettings, type EngineSettings } from './settings';
import { evidenceFor, find, passages, type Hit, type MatchOptions, type Passage } from './text';

export const CATEGORIES = ['esim', 'port_in', 'payment', 'network', 'account', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Tristate = 'yes' | 'no' | 'unknown';

const CATEGORY_LABEL: Record<string, string> = {
  esim: 'eSIM',
  port_in: 'Port-In',
  payment: 'Payment',
  network: 'Network',
  account: 'Account',
  other: 'Other',
};

/** The guide's `issue_type`: the category's label, "Other" when the ticket has none. */
export function issueType(f: Facts): string {
  const c = f.category.value;
  return c === null ? 'Other' : (CATEGORY_LABEL[c] ?? c);
}
export type Sentiment = 'Angry' | 'Frustrated' | 'Understanding' | 'Neutral';

export interface RelatedTicket {
  id: string;
  subject: string;
  createdAt: string;
  status: string;
}

export interface Facts {
  settings: EngineSettings;
  /** The bundle's clock in ms, null when absent. */
  now: number | null;
  passages: Passage[];
  /** Ticket, requester and organization tags, lower-cased. */
  tags: TagEvidence[];
  ticketId: string | null;
  channel: string;
  /** The latest words say the problem is solved (or the ticket is solved). */
  resolved: Fact<boolean>;
  /** Someone says the problem is still there after what was tried. */
  persists: Fact<boolean>;
  /** Hours from the ticket's creation to now while it is unsolved; 0 once solved; null when unknown. */
  hoursStuck: Fact<number | null>;
  requesterName: string | null;
  requesterEmail: Fact<string | null>;
  requesterSince: string | null;
  agentName: string | null;
  category: Fact<string | null>;
  refundAmount: Fact<number | null>;
  checklist: Partial<Record<ChecklistKey, boolean>>;
  troubleshooting: Fact<Tristate>;
  infoComplete: Fact<Tristate>;
  missingInfo: string[];
  knownIssue: Fact<boolean>;
  ownTools: Fact<boolean>;
  onlyWantsManager: Fact<boolean>;
  managerRequested: Fact<boolean>;
  /** The customer asks for escalation; `engineering` when they name engineers, else `l2`. */
  demand: Fact<'l2' | 'engineering' | null>;
  portRejections: Fact<number>;
  portVerified: Fact<Tristate>;
  customersAffected: Fact<number>;
  vip: Fact<boolean>;
  executive: Fact<boolean>;
  complaint: Fact<boolean>;
  businessAccount: boolean;
  relatedTickets: Fact<RelatedTicket[]>;
  sentiment: Fact<Sentiment>;
  /** Phrase facts: the situation was asserted in the ticket's words. */
  said: Record<SaidKey, Fact<boolean>>;
}

/** Who may assert each situation. Customers report problems; only agents identify bugs or verify. */
const SAID = {
  legalThreat: { phrase: 'legalThreat', options: { speakers: ['customer', 'unknown'] } },
  legalRequest: { phrase: 'legalRequest' },
  deadline: { phrase: 'deadline' },
  media: { phrase: 'media' },
  executiveRole: { phrase: 'executiveRole' },
  safetyRisk: { phrase: 'safetyRisk' },
  // Someone else's breach in the news is not ours.
  securityIncident: {
    phrase: 'securityIncident',
    options: {
      unless: [
        /\b(on the news|in the news|retailer|another company|other company|different company|third[- ]party (site|app|service))\b/gi,
      ],
    },
  },
  accountTakeover: { phrase: 'accountTakeover' },
  harassment: { phrase: 'harassment' },
  // "My identity was stolen years ago (a bank thing)" is history, not a claim against a Meow account.
  identityTheft: {
    phrase: 'identityTheft',
    options: {
      unless: [/\b(years? ago|not with meow|a bank thing|another company|other company|elsewhere)\b/gi],
    },
  },
  // "I feel like a fraud asking this"; a reporter's "article about SIM swap fraud".
  fraud: {
    phrase: 'fraud',
    options: {
      unless: [
        /\b(feel|felt|feeling) like a (total |complete )?fraud\b|\b(article|story|piece|segment|podcast|reporting)\b/gi,
      ],
    },
  },
  aupViolation: { phrase: 'aupViolation' },
  suspended: { phrase: 'suspended' },
  appeal: { phrase: 'appeal', options: { speakers: ['customer', 'unknown'] } },
  appealNoted: { phrase: 'appeal', options: { speakers: ['agent'], internal: true } },
  nonPayment: { phrase: 'nonPayment' },
  outage: { phrase: 'outage' },
  multipleUsers: { phrase: 'multipleUsers' },
  numberNotReleasing: { phrase: 'numberNotReleasing' },
  carrierActivationRejected: { phrase: 'carrierActivationRejected', options: { readQuotes: true } },
  carrierProvisioning: { phrase: 'carrierProvisioning', options: { speakers: ['agent'] } },
  esimStuck: { phrase: 'esimStuck', options: { readQuotes: true } },
  simSwapFailing: { phrase: 'simSwapFailing', options: { readQuotes: true } },
  apiError: { phrase: 'apiError', options: { readQuotes: true } },
  dataInconsistency: { phrase: 'dataInconsistency' },
  appCrash: { phrase: 'appCrash', options: { readQuotes: true } },
  bugIdentified: { phrase: 'bugIdentified', options: { speakers: ['agent'], internal: true } },
  billingDispute: { phrase: 'billingDispute' },
  multipleCycles: { phrase: 'multipleCycles' },
  accountException: { phrase: 'accountException', options: { speakers: ['agent'] } },
  retention: { phrase: 'retention', options: { speakers: ['customer', 'unknown'] } },
  retentionNoted: { phrase: 'retention', options: { speakers: ['agent'], internal: true } },
} satisfies Record<string, { phrase: PhraseKey; options?: MatchOptions }>;
type SaidKey = keyof typeof SAID;

const CUSTOMER: MatchOptions = { speakers: ['customer', 'unknown'] };
const AGENT_NOTES: MatchOptions = { speakers: ['agent'], internal: true };
const AGENT: MatchOptions = { speakers: ['agent'] };

const fromHits = (hits: readonly Hit[]): Fact<boolean> =>
  fact(hits.length > 0, uniqueEvidence(hits.map((h) => h.evidence)));

export function extractFacts(bundle: Bundle): Facts {
  const settings = engineSettings(bundle.settings);
  const ticket = bundle.ticket;
  const list = passages(bundle);
  const hitsOf = (phrase: PhraseKey, options?: MatchOptions) => find(list, PHRASES[phrase], options);

  // Each phrase fact is read on first use: rules that need two facts ask for the second only when the
  // first holds, so a long ticket is not scanned for words no rule will look at.
  const thunks = {} as Record<SaidKey, () => Fact<boolean>>;
  for (const [key, spec] of Object.entries(SAID) as [
    SaidKey,
    { phrase: PhraseKey; options?: MatchOptions },
  ][]) {
    thunks[key] = () => fromHits(hitsOf(spec.phrase, spec.options));
  }
  const said = lazily<Record<SaidKey, Fact<boolean>>>(thunks);

  const users = new Map((bundle.users ?? []).map((u) => [String(u.id), u]));
  const requester = ticket.requester_id == null ? undefined : users.get(String(ticket.requester_id));
  const assignee = ticket.assignee_id == null ? undefined : users.get(String(ticket.assignee_id));
  const checklist = answeredChecklist(bundle);
  const tags = tagSources(bundle, requester?.tags);

  const email = requester?.email?.trim();
  const requesterEmail: Fact<string | null> = email
    ? fact(email, [{ kind: 'ticket', detail: `requester ${String(ticket.requester_id)} email` }])
    : fact(null);

  const info = once(() => infoFacts(checklist, hitsOf('infoNeeded', AGENT_NOTES)));
  const comments = once(() => list.filter((p) => p.evidenceBase.kind === 'comment'));

  // Every fact is worked out on first use and kept: a rule or guard that never asks costs nothing.
  return lazily<Facts>({
    settings: () => settings,
    now: () => (bundle.now ? Date.parse(bundle.now) : null),
    passages: () => list,
    tags: () => tags,
    ticketId: () => (ticket.id == null ? null : String(ticket.id)),
    channel: () => ticket.via?.channel ?? '',
    hoursStuck: () => hoursStuck(bundle),
    resolved: () => resolved(bundle, comments()),
    persists: () => fromHits(find(comments().slice(1), PHRASES.persists, { latest: true, limit: 3 })),
    // Names are free text and reach the customer message: an account number typed into one stays masked.
    requesterName: () => clean(requester?.name ?? '', 120) || null,
    requesterEmail: () => requesterEmail,
    requesterSince: () => requester?.created_at ?? null,
    agentName: () => clean(assignee?.name ?? '', 120) || null,
    category: () => category(ticket, settings),
    refundAmount: () => refundAmount(ticket, settings, list),
    checklist: () => checklist,
    troubleshooting: () =>
      tristate(
        checklist,
        'troubleshooting_done',
        hitsOf('troubleshootingDone', { ...AGENT, latest: true }),
        hitsOf('troubleshootingNotDone', { ...AGENT, keepNegated: true, latest: true }),
      ),
    infoComplete: () => info().infoComplete,
    missingInfo: () => info().missingInfo,
    knownIssue: () => knownIssue(checklist, list),
    ownTools: () => fromHits(hitsOf('ownTools', AGENT)),
    onlyWantsManager: () => checklistOr(checklist, 'only_wants_manager', hitsOf('onlyWantsManager', AGENT)),
    managerRequested: () => fromHits(hitsOf('managerRequest', CUSTOMER)),
    demand: () => demand(list),
    portRejections: () => portRejections(ticket, settings, list),
    portVerified: () =>
      tristate(checklist, 'port_in_info_verified', hitsOf('portVerified', { ...AGENT, latest: true }), []),
    customersAffected: () => customersAffected(bundle, list),
    vip: () => tagFact(tags, settings.vipTags),
    executive: () => executive(requester?.user_fields, tags, said.executiveRole),
    complaint: () =>
      complaint(tags, ticket, [...hitsOf('complaint', CUSTOMER), ...hitsOf('complaint', AGENT_NOTES)], list),
    businessAccount: () =>
      bundle.organization != null && tags.some((t) => /business|enterprise|fleet|corporate/.test(t.tag)),
    relatedTickets: () => relatedTickets(bundle, tags),
    sentiment: () => sentiment(list),
    said: () => said,
  });
}

/** Runs a thunk once and keeps its value. */
function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

type Thunks = Record<string, () => unknown>;
const SHAPES = new Map<string, new (thunks: Thunks) => object>();

/**
 * An object whose every property is computed on first read and then kept. The getters live on a class
 * made once per set of keys, so each ticket costs one small object, not one property definition per fact.
 */
function lazily<T extends object>(thunks: { [K in keyof T]: () => T[K] }): T {
  const keys = Object.keys(thunks);
  const shape = keys.join(',');
  let Lazy = SHAPES.get(shape);
  if (!Lazy) {
    class Made {
      readonly cache = new Map<string, unknown>();
      constructor(readonly thunks: Thunks) {}
    }
    for (const key of keys) {
      Object.defineProperty(Made.prototype, key, {
        get(this: Made) {
          if (!this.cache.has(key)) this.cache.set(key, this.thunks[key]?.());
          return this.cache.get(key);
        },
      });
    }
    Lazy = Made;
    SHAPES.set(shape, Made);
  }
  return new Lazy(thunks) as T;
}

// --- Tags ----------------------------------------------------------------------------------------------

export type TagEvidence = Extract<Evidence, { kind: 'tag' }>;

function tagSources(bundle: Bundle, requesterTags: readonly string[] | null | undefined): TagEvidence[] {
  const on = (list: readonly string[] | null | undefined, where: TagEvidence['on']) =>
    (list ?? []).map((tag): TagEvidence => ({ kind: 'tag', tag: tag.toLowerCase(), on: where }));
  return [
    ...on(bundle.ticket.tags, 'ticket'),
    ...on(requesterTags, 'requester'),
    ...on(bundle.organization?.tags, 'organization'),
  ];
}

function tagFact(tags: readonly TagEvidence[], wanted: readonly string[]): Fact<boolean> {
  const hits = tags.filter((t) => wanted.includes(t.tag));
  return fact(hits.length > 0, hits);
}

// --- Time ----------------------------------------------------------------------------------------------

const SOLVED = new Set(['solved', 'closed']);

function hoursStuck(bundle: Bundle): Fact<number | null> {
  const { created_at: created, status } = bundle.ticket;
  const now = bundle.now ? Date.parse(bundle.now) : Number.NaN;
  const start = created ? Date.parse(created) : Number.NaN;
  if (Number.isNaN(now) || Number.isNaN(start)) return fact(null);
  if (status && SOLVED.has(status)) return fact(0, [{ kind: 'ticket', detail: `ticket is ${status}` }]);
  const hours = Math.max(0, (now - start) / 3_600_000);
  return fact(hours, [
    {
      kind: 'ticket',
      detail: `open since ${created ?? ''} (${formatHours(hours)} before ${bundle.now ?? ''})`,
    },
  ]);
}

export /** Solved by status, or the last two comments say it works now and nothing after says it doesn't. */
function resolved(bundle: Bundle, list: readonly Passage[]): Fact<boolean> {
  const status = bundle.ticket.status;
  if (status && SOLVED.has(status)) return fact(true, [{ kind: 'ticket', detail: `ticket is ${status}` }]);
  const comments = list.filter((p) => p.evidenceBase.kind === 'comment');
  const lastTwo = comments.slice(-2);
  // "It worked for a while and then switched off again" is not a fix.
  const fixed = find(lastTwo, PHRASES.resolved, { latest: true, limit: 2, unless: PHRASES.persists });
  const last = fixed.at(-1);
  if (!last) return fact(false);
  const after = lastTwo.slice(lastTwo.indexOf(last.passage) + 1);
  if (find(after, PHRASES.persists).length) return fact(false);
  return fact(
    true,
    fixed.map((h) => h.evidence),
  );
}

export function formatHours(hours: number): string {
  return hours >= 48 ? `${(hours / 24).toFixed(1)} days` : `${Math.round(hours)} h`;
}

// --- Fields --------------------------------------------------------------------------------------------

function fieldValue(ticket: Ticket, fieldId: string | null): unknown {
  if (fieldId === null) return null;
  return (ticket.custom_fields ?? []).find((f) => String(f.id) === fieldId)?.value ?? null;
}

const CATEGORY_TAGS: Record<Category, RegExp> = {
  esim: /^e-?sim/,
  port_in: /^port(_?in|ing)?$|^number_transfer/,
  payment: /^(billing|payment|refund|charge|duplicate_charge|invoice)/,
  network: /^(network|outage|no_service|coverage|signal)/,
  account: /^(account|login|suspend|privacy|security)/,
  other: /^$/,
};

function category(ticket: Ticket, settings: EngineSettings): Fact<string | null> {
  const value = fieldValue(ticket, settings.categoryFieldId);
  if (typeof value === 'string' && value.trim()) {
    // A text field can hold anything an agent typed: shown masked, like ticket text.
    return fact(maskSensitive(value.trim().toLowerCase()), [
      {
        kind: 'field',
        field: `issue category (${settings.categoryFieldId ?? ''})`,
        value: maskSensitive(value),
      },
    ]);
  }
  for (const tag of ticket.tags ?? []) {
    for (const cat of CATEGORIES) {
      if (cat !== 'other' && CATEGORY_TAGS[cat].test(tag.toLowerCase()))
        return fact(cat, [{ kind: 'tag', tag, on: 'ticket' }]);
    }
  }
  return fact(null);
}

const MONEY = /\$\s?(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)/g;

export function moneyIn(text: string): number[] {
  return [...text.matchAll(MONEY)]
    .map((m) => Number((m[1] ?? '').replace(/,/g, '')))
    .filter((n) => Number.isFinite(n));
}

function refundAmount(
  ticket: Ticket,
  settings: EngineSettings,
  list: readonly Passage[],
): Fact<number | null> {
  const value = fieldValue(ticket, settings.refundFieldId);
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number(value.replace(/[$,\s]/g, ''))
        : Number.NaN;
  // Eleven digits and more is no amount: a card or account number pasted into the field, never quoted.
  if (value !== null && value !== '' && Number.isFinite(n) && Math.abs(n) < 1e10) {
    return fact(n, [
      { kind: 'field', field: `refund amount (${settings.refundFieldId ?? ''})`, value: String(n) },
    ]);
  }
  // Without the field, an agent's note naming the amount to refund ("duplicate to refund = $149.98").
  // "Over my $100 refund limit" names the limit, not the refund.
  const hits = find(list, [/\brefund(s|ed|ing)?\b[^.]{0,40}\$\s?\d|\$\s?\d[\d,.]*[^.]{0,40}\brefund/gi], {
    ...AGENT,
    latest: true,
    unless: [/\b(limit|threshold|maximum|max|cap|up to)\b/gi],
  });
  for (const hit of [...hits].reverse()) {
    const amount = moneyIn(hit.sentence.text).at(-1);
    if (amount !== undefined) return fact(amount, [hit.evidence]);
  }
  return fact(null);
}

// --- Checklist and guards ------------------------------------------------------------------------------

function answeredChecklist(bundle: Bundle): Partial<Record<ChecklistKey, boolean>> {
  const out: Partial<Record<ChecklistKey, boolean>> = {};
  const c = bundle.agent_checklist ?? {};
  for (const key of [
    'troubleshooting_done',
    'info_complete',
    'known_issue_with_workaround',
    'only_wants_manager',
    'port_in_info_verified',
  ] as const) {
    const v = c[key];
    if (typeof v === 'boolean') out[key] = v;
  }
  return out;
}

/** The checklist answer wins; otherwise the agent's own words; otherwise unknown. */
function tristate(
  checklist: Partial<Record<ChecklistKey, boolean>>,
  key: ChecklistKey,
  yes: readonly Hit[],
  no: readonly Hit[],
): Fact<Tristate> {
  const answer = checklist[key];
  if (answer !== undefined)
    return fact(answer ? 'yes' : 'no', [{ kind: 'checklist', question: key, answer }]);
  // The latest statement decides: "no TS yet" followed later by "TS complete" means done.
  const last = (hits: readonly Hit[]) => hits.at(-1)?.passage.at ?? '';
  if (yes.length && (!no.length || last(yes) >= last(no)))
    return fact('yes', uniqueEvidence(yes.map((h) => h.evidence)));
  if (no.length) return fact('no', uniqueEvidence(no.map((h) => h.evidence)));
  return fact('unknown');
}

function checklistOr(
  checklist: Partial<Record<ChecklistKey, boolean>>,
  key: ChecklistKey,
  hits: readonly Hit[],
): Fact<boolean> {
  const answer = checklist[key];
  if (answer !== undefined) return fact(answer, [{ kind: 'checklist', question: key, answer }]);
  return fromHits(hits);
}

const ITEMS =
  /\b(?:need|needs|needed|missing|waiting on|waiting for|awaiting|require|requires)\s+(?:the\s+|his\s+|her\s+|their\s+)?(.{3,120}?)\s+from\s+(?:the\s+)?(?:cx|customer|caller|client|subscriber|member|user|him|her|them)\b/i;

function infoFacts(checklist: Partial<Record<ChecklistKey, boolean>>, hits: readonly Hit[]) {
  const missingInfo = hits
    .map((h) => ITEMS.exec(h.sentence.text)?.[1]?.trim())
    .filter((s): s is string => Boolean(s));
  const answer = checklist.info_complete;
  const infoComplete: Fact<Tristate> =
    answer !== undefined
      ? fact(answer ? 'yes' : 'no', [
          { kind: 'checklist', question: 'info_complete', answer },
          ...(answer ? [] : hits.map((h) => h.evidence)),
        ])
      : hits.length
        ? fact('no', uniqueEvidence(hits.map((h) => h.evidence)))
        : fact('unknown');
  return { infoComplete, missingInfo: infoComplete.value === 'yes' ? [] : missingInfo };
}

function knownIssue(
  checklist: Partial<Record<ChecklistKey, boolean>>,
  list: readonly Passage[],
): Fact<boolean> {
  const answer = checklist.known_issue_with_workaround;
  if (answer !== undefined)
    return fact(answer, [{ kind: 'checklist', question: 'known_issue_with_workaround', answer }]);
  // An agent names the known issue and, in the same comment, its workaround.
  const known = find(list, PHRASES.knownIssue, AGENT);
  const withFix = known.filter((h) => find([h.passage], PHRASES.workaround).length > 0);
  return fromHits(withFix);
}

function demand(list: readonly Passage[]): Fact<'l2' | 'engineering' | null> {
  const hits = find(list, PHRASES.escalationDemand, CUSTOMER);
  if (!hits.length) return fact(null);
  const toEngineering = hits.some(
    (h) => find([{ ...h.passage, sentences: [h.sentence] }], PHRASES.engineeringWords).length > 0,
  );
  return fact(toEngineering ? 'engineering' : 'l2', uniqueEvidence(hits.map((h) => h.evidence)));
}

// --- Port-in -------------------------------------------------------------------------------------------

const ORDINALS: Record<string, number> = {
  once: 1,
  twice: 2,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
};
const COUNTED_ATTEMPTS =
  /\b(\d+|once|twice|one|two|three|four|five|six|seven|eight|second|third|fourth|fifth|sixth|seventh)(?:st|nd|rd|th)?\s*(?:times?|attempts?|rejections?|submissions?|tries|resubmissions?|port requests?)\b|\b(?:attempt|submission|try|rejection)\s*#\s*(\d+)/gi;

function portRejections(ticket: Ticket, settings: EngineSettings, list: readonly Passage[]): Fact<number> {
  const cat = category(ticket, settings).value;
  const portTicket =
    cat === 'port_in' ||
    (ticket.tags ?? []).some((t) => /port/.test(t)) ||
    find(list, PHRASES.portInContext).length > 0;
  if (!portTicket) return fact(0);
  const rejections = find(list, PHRASES.rejection, { latest: true, limit: 40 });
  if (!rejections.length) return fact(0);
  // An explicit count in a comment that reports a rejection ("4th attempt - rejected", "rejected twice").
  let best = 0;
  let bestEvidence: Evidence[] = [];
  const rejectingPassages = new Set(rejections.map((h) => h.passage));
  for (const passage of rejectingPassages) {
    for (const sentence of passage.sentences) {
      for (const m of sentence.plain.matchAll(COUNTED_ATTEMPTS)) {
        const word = (m[1] ?? m[2] ?? '').toLowerCase();
        const n = ORDINALS[word] ?? Number(word);
        if (Number.isFinite(n) && n > best && n < 100) {
          best = n;
          bestEvidence = [evidenceFor(passage, sentence)];
        }
      }
    }
  }
  if (best > 0) return fact(best, [...bestEvidence, ...rejections.slice(-2).map((h) => h.evidence)]);
  // Otherwise each comment that reports a rejection counts once.
  const byComment = [...rejectingPassages];
  return fact(byComment.length, uniqueEvidence(rejections.map((h) => h.evidence)));
}

// --- Reach ---------------------------------------------------------------------------------------------

function customersAffected(bundle: Bundle, list: readonly Passage[]): Fact<number> {
  const similar = bundle.similar_recent_tickets;
  let best = 1;
  let evidence: Evidence[] = [];
  if (typeof similar === 'number' && similar > 0) {
    best = similar + 1;
    evidence = [{ kind: 'ticket', detail: `${similar} similar tickets in the last 24 h (search count)` }];
  }
  for (const hit of find(list, PHRASES.affectedCount, { ...AGENT_NOTES, latest: true })) {
    const n = Number(/\d+/.exec(hit.match)?.[0]);
    if (Number.isFinite(n) && n + 1 > best) {
      best = n + 1;
      evidence = [hit.evidence];
    }
  }
  return fact(best, evidence);
}

// --- Who the customer is -------------------------------------------------------------------------------

const EXEC_TITLE =
  /\b(chief|ceo|coo|cfo|cto|cio|president|founder|owner|managing director|general counsel|vice president|vp\b|svp|evp)/i;
const EXEC_TAG = /^(exec|executive|c_level|c-suite|office_of_the_ceo)|^ceo_|_ceo$/;

function executive(
  userFields: Record<string, unknown> | null | undefined,
  tags: readonly TagEvidence[],
  role: Fact<boolean>,
): Fact<boolean> {
  const evidence: Evidence[] = tags.filter((t) => EXEC_TAG.test(t.tag));
  for (const [key, value] of Object.entries(userFields ?? {})) {
    if (typeof value === 'string' && /title|role|position/i.test(key) && EXEC_TITLE.test(value)) {
      evidence.push({ kind: 'field', field: `requester ${key}`, value: maskSensitive(value) });
    }
  }
  evidence.push(...role.evidence);
  return fact(evidence.length > 0, evidence);
}

function complaint(
  tags: readonly TagEvidence[],
  ticket: Ticket,
  hits: readonly Hit[],
  list: readonly Passage[],
): Fact<boolean> {
  const evidence: Evidence[] = tags.filter((t) => /complaint/.test(t.tag));
  if (ticket.subject && /complain/i.test(ticket.subject))
    evidence.push({ kind: 'subject', quote: clean(ticket.subject, 220) });
  evidence.push(...hits.map((h) => h.evidence));
  if (!evidence.length) evidence.push(...find(list, PHRASES.angry, CUSTOMER).map((h) => h.evidence));
  return fact(evidence.length > 0, uniqueEvidence(evidence));
}

// --- History -------------------------------------------------------------------------------------------

const GENERIC_TAGS = new Set([
  'new_customer',
  'vip',
  'influencer',
  'business',
  'web',
  'chat',
  'email',
  'mobile',
  'app',
  'ios',
  'android',
]);

/** The requester's other tickets that share a topic tag or the category with this one. */
function relatedTickets(bundle: Bundle, tags: readonly TagEvidence[]): Fact<RelatedTicket[]> {
  const mine = new Set(tags.filter((t) => t.on === 'ticket' && !GENERIC_TAGS.has(t.tag)).map((t) => t.tag));
  const selfId = bundle.ticket.id == null ? null : String(bundle.ticket.id);
  const related: RelatedTicket[] = [];
  const evidence: Evidence[] = [];
  for (const t of bundle.requester_tickets ?? []) {
    if (t.id == null || String(t.id) === selfId) continue;
    const shared = (t.tags ?? []).map((x) => x.toLowerCase()).filter((x) => mine.has(x));
    if (!shared.length) continue;
    const r = {
      id: String(t.id),
      subject: clean(t.subject ?? '', 220),
      createdAt: t.created_at ?? '',
      status: t.status ?? '',
    };
    related.push(r);
    evidence.push({
      kind: 'related_ticket',
      id: r.id,
      detail: `"${r.subject}" (${r.status || 'status unknown'}, created ${r.createdAt.slice(0, 10) || 'unknown'}; shares tags ${shared.join(', ')})`,
    });
  }
  return fact(related, evidence);
}

/** Sentences written mostly in capitals ("5 days. FIVE DAYS."), not a brand name in a calm sentence. */
function shouted(list: readonly Passage[]): Hit[] {
  const hits: Hit[] = [];
  for (const passage of list)
    for (const sentence of passage.sentences) {
      const letters = sentence.plain.replace(/[^A-Za-z]/g, '');
      const upper = letters.replace(/[^A-Z]/g, '').length;
      if (letters.length >= 6 && upper / letters.length >= 0.7)
        hits.push({ passage, sentence, match: sentence.plain, evidence: evidenceFor(passage, sentence) });
    }
  return hits;
}

// --- Sentiment -----------------------------------------------------------------------------------------

/** From the customer's last three comments: the strongest feeling they show, with the words. */
function sentiment(list: readonly Passage[]): Fact<Sentiment> {
  const recent = list.filter((p) => p.speaker === 'customer' && p.evidenceBase.kind === 'comment').slice(-3);
  const angry = [
    ...find(recent, PHRASES.angry),
    ...find(recent, PHRASES.legalThreat),
    ...find(recent, PHRASES.shouting, { keepNegated: true }),
    ...shouted(recent),
  ];
  if (angry.length) return fact('Angry', uniqueEvidence(angry.map((h) => h.evidence)));
  const frustrated = find(recent, PHRASES.frustrated);
  if (frustrated.length)
    return fact(
      'Frustrated',
      frustrated.map((h) => h.evidence),
    );
  const understanding = find(recent, PHRASES.understanding);
  if (understanding.length)
    return fact(
      'Understanding',
      understanding.map((h) => h.evidence),
    );
  return fact('Neutral');
}
