/**
 * The guide's words in what the agent writes to the customer ("What to Tell Customers"): the DON'T-say
 * lines and their paraphrases, each with the DO-say line to use instead; on the Trust & Safety path
 * (Path 3) outcome promises and the flag reason from the internal notes; everywhere, unmasked account
 * and card numbers. Also the guide's trigger phrases, which say an agent is thinking of escalating.
 * Negated ("I won't tell you there's nothing I can do") and quoted words are not the agent's own.
 */
import type { Bundle } from './bundle';
import type { Decision } from './decide';
import { findUnmaskedNumbers, type NumberSpan } from './mask';
import { TEAMS } from './teams';
import { CLAUSE_BREAK, framing, QUOTED } from './text';

export type WordingKind = 'dont_say' | 'promise' | 'internal_reason' | 'unmasked_number';

/** Words in a message that the guide advises against, where they are, and what to write instead. */
export interface WordingProblem {
  kind: WordingKind;
  /** The words found, as written. */
  quote: string;
  /** Offsets of the words in the message: `message.slice(start, end) === quote`. */
  start: number;
  end: number;
  advice: string;
  /** What to put in their place: the guide's DO-say line, or the masked number. */
  replacement?: string;
}

/** A trigger phrase of the guide ("this needs L2", "who handles this") and where it is. */
export interface Trigger {
  phrase: string;
  start: number;
  end: number;
}

/** What a review needs besides the words: the ticket (its internal notes) and the teams it goes to. */
export interface ReviewContext {
  bundle: Bundle;
  /** The teams (the first owns the ticket) and, when there is one, the message the guide's templates wrote. */
  decision: Pick<Decision, 'targets'> & Partial<Pick<Decision, 'customer_message'>>;
}

const re = (...sources: string[]): RegExp => new RegExp(sources.join('|'), 'gi');
const ME = '(?:I|we)';
const IT = '(?:it|this|that)';
// "when you'll hear back", "how long it will take": the time the customer is waiting for.
const WHEN = String.raw`(?:when|how long) (?:(?:it|this)(?:'ll| will)? take|(?:you|they|we|someone|the \w+(?: team)?|it)(?:'ll| will)? (?:hear|reply|respond|get|answer|contact|be (?:fixed|resolved|done)|fix|look at)\w*(?: back)?)`;

/**
 * The guide's four DON'T-say lines, in its order, with the DO-say line that replaces each ("You'll hear
 * back" gets the primary team's timeframe), and one pattern with a group per line.
 */
const LINES: readonly (readonly [string, string])[] = [
  ["There's nothing I can do", "I'm bringing in a specialist who handles these types of issues"],
  ["That's not my department", "I've documented everything so you won't need to repeat yourself"],
  ["You'll have to wait", "You'll hear back"],
  ["I don't know when you'll hear back", "I'll personally follow up to make sure this moves forward"],
];
const DONT_SAY = new RegExp(
  [
    [
      String.raw`\b(?:there(?:'s| is) )?(?:nothing|not (?:a thing|much|anything)) (?:more |else )?(?:that )?${ME} (?:can|could|am able to)(?: really)? do\b(?: for you| about ${IT}| here)?`,
      String.raw`\b${ME}(?:'m| am|'re| are)? (?:can't|cannot|not able to|unable to) (?:do anything|help (?:you )?(?:any ?(?:further|more)|with (?:this|that)))(?: more| else| further)?(?: for you| about ${IT})?`,
      String.raw`\b(?:my|our) hands are tied|\bout of (?:my|our) hands`,
    ],
    [
      String.raw`\b(?:${IT}(?:'s| is) not|isn't|not) (?:my|our) (?:department|dept|team|area|job|responsibility)\b(?!')`,
      String.raw`\b(?:someone else|another team|a different team) (?:handles?|deals? with|takes? care of|owns?) ${IT}\b`,
      String.raw`\b${ME} (?:don't|do not) (?:handle|deal with) (?:${IT}|those)\b|\bwrong department`,
      String.raw`\byou(?:'ll| will)? (?:need|have) to (?:contact|call|ask|reach out to) (?:another|a different|the other) (?:team|department)`,
    ],
    [
      String.raw`\byou(?:'ll|'ve| will|'re going to| are going to)?(?: just)? (?:have|need|got) to (?:just )?(?:wait|be patient)\b(?: a (?:bit|while|little)(?: longer)?| longer)?`,
      String.raw`\b(?:all|the only thing) (?:you|we) can do (?:now )?is wait|\bwait it out`,
    ],
    [
      String.raw`\b(?:${ME}(?: really)? (?:don't|do not|can't|cannot) (?:know|say|tell(?: you)?)|(?:${ME} have )?no idea|${ME}(?:'m| am|'re| are) not sure|there(?:'s| is) no (?:telling|knowing)|who knows) ${WHEN}`,
    ],
  ]
    .map((alternatives) => `(${alternatives.join('|')})`)
    .join('|'),
  'gi',
);

const WILL = "(?:'ll| will)";
const SURELY = '(?: definitely| certainly)?';
const THING = '(?:account|line|number|service|access|phone)';
/** Outcome promises: Path 3 says "Do NOT make promises about outcome". */
const PROMISE = re(
  String.raw`\b(?:we|I|they|the (?:review )?team)${WILL}${SURELY} (?:restore|reinstate|reactivate|unsuspend|unlock|lift|reverse|overturn|approve)\b(?: (?:the|your) ${THING})?`,
  String.raw`\b(?:your|the) ${THING}(?:${WILL}| is going to)${SURELY} (?:be )?(?:back(?: on)?|restored|reinstated|reactivated|unsuspended|unlocked|turned back on)\b`,
  String.raw`\byou${WILL}${SURELY} (?:get|have) (?:your )?${THING} back\b|\b(?:it|everything)${WILL} (?:all )?(?:be fine|work out)\b`,
  String.raw`\bI (?:promise|(?:can )?assure you)\b(?! to )|\bguarantee[ds]?\b`,
);

/** The guide's trigger phrases and their close paraphrases. */
const TRIGGERS = re(
  String.raw`\b(?:needs?|have|has|got) to (?:be )?escalat\w*|\bescalat(?:e|ed|ing) (?:this |it )?to\b`,
  String.raw`\b${IT} (?:needs?|should|has to|must)(?: to)?(?: go)?(?: to)? L2\b`,
  String.raw`\b${ME}(?:'m| am)? (?:can't|cannot|couldn't|unable to|not able to) (?:resolve|solve|fix|handle) ${IT}\b`,
  String.raw`\bwho (?:handles|owns|deals with|takes care of) ${IT}\b|\bmanager (?:needed|required)\b(?! (?:a|the|to)\b)|\bneeds? a manager\b`,
  String.raw`\b(?:engineering|backend) (?:issue|problem|bug)\b|\b(?:(?:looks|seems) like (?:a )?)?carrier (?:issue|problem|thing)\b|\bhand(?:ing)? (?:this|it) (?:off|over)\b|\bhand-?off\b`,
);

interface Span {
  start: number;
  end: number;
  /** Which capturing group matched (the DON'T-say line); negative when the pattern has none. */
  group: number;
}

/**
 * Asserted matches of `pattern`, read as text.ts reads a comment: sentence by sentence, with quoted words
 * and "> " lines blanked (offsets unchanged), negated and hypothetical uses skipped.
 */
function asserted(text: string, pattern: RegExp, clause = false): Span[] {
  const plain = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^[ \t]*>.*$/gm, (line) => ' '.repeat(line.length))
    .replace(QUOTED, (q) => ' '.repeat(q.length));
  pattern.lastIndex = 0;
  if (!pattern.test(plain)) return [];
  const spans: Span[] = [];
  let from = 0;
  for (const cut of [...plain.matchAll(/\n|[.!?]+(?=\s|$)/g), null]) {
    const to = cut ? cut.index + cut[0].length : plain.length;
    const sentence = plain.slice(from, to);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      if (framing(sentence, m.index) !== 'asserted') continue;
      let start = m.index;
      let end = start + m[0].trimEnd().length;
      if (clause) {
        // The whole clause: its replacement reads as a sentence ("Sorry, billing isn't my team." →
        // "Sorry, I've documented everything...").
        for (const b of sentence.slice(0, start).matchAll(CLAUSE_BREAK)) start = b.index + b[0].length;
        const next = [...sentence.slice(end).matchAll(CLAUSE_BREAK)][0];
        end = next ? end + next.index : sentence.length;
        start += sentence.slice(start).search(/\S/);
        end = start + sentence.slice(start, end).replace(/[\s.!?]+$/, '').length;
      }
      spans.push({ start: from + start, end: from + end, group: m.findIndex((g, i) => i && g) - 1 });
    }
    from = to;
  }
  return spans;
}

/** Trigger phrases of the guide in `text` (the reply editor, an internal note), in text order. */
export function findTriggers(text: string): Trigger[] {
  return asserted(text, TRIGGERS).map(({ start, end }) => ({ phrase: text.slice(start, end), start, end }));
}

// Words that say nothing about why an account was flagged, though internal notes and replies share them:
// common words and the Trust & Safety process. The guide's own message (the decision's) is safe too.
const COMMON = new Set<string>(
  `your they them their this that these there what when were been have does with about after could would should will also only more other than then from over back
thank please sorry help issue case ticket request team review agent support customer service account card email message reply update check know need note detail info
verify identity photo upload license statement collect confirm appeal suspend status device name id`
    .split(/\s+/)
    .map(stem),
);

/** A crude stem, the same on both sides of a comparison: "flagged" and "flags" are "flag". */
function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length < 4) return w;
  w = w.slice(0, w.length - (/ing$/.test(w) ? 3 : /e[ds]$/.test(w) ? 2 : /[es]$/.test(w) ? 1 : 0));
  const last = w.slice(-1);
  return last === w.slice(-2, -1) && /[b-df-hj-np-tv-z]/.test(last) ? w.slice(0, -1) : w;
}

const WORD = /[a-z0-9]+/gi;

/** The stems among `wanted` that occur in `text`, found with one scan. */
function stemsIn(text: string, wanted: ReadonlySet<string>): Set<string> {
  const scan = new RegExp(`\\b(?:${[...wanted].join('|') || '(?!)'})[a-z]*`, 'gi');
  return new Set([...text.matchAll(scan)].map((m) => stem(m[0])).filter((w) => wanted.has(w)));
}

/**
 * Words of the internal notes in the message that the customer never wrote publicly and that are not
 * common words, the guide's own wording, the ticket number or anyone's name or email: the flag reason,
 * told to the customer. Adjacent words are one finding ("possible SIM farm").
 */
function internalWords(message: string, { bundle, decision }: ReviewContext): Span[] {
  const { ticket } = bundle;
  const users = bundle.users ?? [];
  const safe = `${decision.customer_message ?? ''} ${ticket.id ?? ''} ${users.map((u) => `${u.name ?? ''} ${u.email ?? ''}`).join(' ')}`;
  const skip = new Set(safe.match(WORD)?.map(stem));
  // Short words count only as acronyms ("SIM", "IP"); numbers from 4 digits.
  const tokens = [...message.matchAll(WORD)].filter(
    ([w]) =>
      (w.length > 3 || /^[A-Z]{2,}$/.test(w)) &&
      !/^\d{1,3}$/.test(w) &&
      !COMMON.has(stem(w)) &&
      !skip.has(stem(w)),
  );
  if (!tokens.length) return [];
  const customers = new Set(
    [ticket.requester_id, ...users.filter((u) => u.role === 'end-user').map((u) => u.id)].map(String),
  );
  let notes = '';
  let own = `${ticket.subject ?? ''} ${ticket.description ?? ''}`;
  for (const c of bundle.comments ?? []) {
    const body = c.body ?? c.plain_body ?? '';
    // The app's own escalation note carries the guide's templates, not the ticket's reasons.
    if (c.public === false) notes += body.includes('Escalation key: eg-') ? '' : ` ${body}`;
    else if (customers.has(String(c.author_id))) own += ` ${body}`;
  }
  const inNotes = stemsIn(notes, new Set(tokens.map(([w]) => stem(w))));
  const said = stemsIn(own, inNotes);
  const spans: Span[] = [];
  for (const m of tokens) {
    if (!inNotes.has(stem(m[0])) || said.has(stem(m[0]))) continue;
    const last = spans.at(-1);
    const end = m.index + m[0].length;
    if (last && /^[\s/-]*$/.test(message.slice(last.end, m.index))) last.end = end;
    else spans.push({ start: m.index, end, group: -1 });
  }
  return spans;
}

/**
 * What in `message` goes against the guide's advice for this ticket, in text order: DON'T-say lines
 * (every path), outcome promises and internal flag reasons (Trust & Safety path), unmasked account and
 * card numbers (every path). Advice, not a rule: a flagged message can still be sent.
 */
export function reviewMessage(message: string, context: ReviewContext): WordingProblem[] {
  const primary = context.decision.targets[0];
  const problems: WordingProblem[] = [];
  const add = (
    kind: WordingKind,
    { start, end }: Span | NumberSpan,
    advice: string,
    replacement?: string,
  ) => {
    problems.push({
      kind,
      quote: message.slice(start, end),
      start,
      end,
      advice,
      ...(replacement ? { replacement } : {}),
    });
  };
  for (const s of asserted(message, DONT_SAY, true)) {
    const [line, say] = LINES[s.group] ?? ['', ''];
    let instead = s.group === 2 ? `${say} ${primary ? TEAMS[primary].timeframe : 'within [timeframe]'}` : say;
    // Mid-sentence ("Sorry, you'll hear back..."): the DO-say line's "You" loses its capital.
    if (/[^.!?\s][ \t]*$/.test(message.slice(0, s.start))) instead = instead.replace(/^You/, 'you');
    add('dont_say', s, `Don't say "${line}"; say "${instead}".`, instead);
  }
  if (primary === 'trust_safety') {
    for (const s of asserted(message, PROMISE)) add('promise', s, 'Path 3: no promises about the outcome.');
    for (const s of internalWords(message, context))
      add('internal_reason', s, 'Path 3: do not say why the account was flagged.');
  }
  for (const n of findUnmaskedNumbers(message))
    add('unmasked_number', n, 'Mask account and card numbers to the last 4 digits.', n.masked);
  return problems.sort((a, b) => a.start - b.start);
}
