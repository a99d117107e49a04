/**
 * The ticket's words, ready for phrase detection: who said what, with quoted material set aside, and a
 * matcher that skips negated ("I'm not saying it's fraud") and hypothetical ("if you are in danger") uses.
 */
import type { Bundle } from './bundle';
import type { Evidence, Speaker } from './evidence';
import { maskSensitive } from './mask';

/** One comment (or the subject), split into sentences. */
export interface Passage {
  evidenceBase:
    | { kind: 'comment'; id: string; speaker: Speaker; public: boolean; at: string | null }
    | { kind: 'subject' };
  speaker: Speaker;
  public: boolean;
  at: string | null;
  /** The body without quoted email history: what this author wrote. */
  own: string;
  /** Sentences of `own` with quoted passages blanked, for detection. */
  readonly sentences: Sentence[];
}

export interface Sentence {
  /** As written (masked), for evidence and extraction. */
  text: string;
  /** With "quoted" words blanked out: what the author asserts. */
  plain: string;
}

export interface Hit {
  passage: Passage;
  sentence: Sentence;
  match: string;
  evidence: Evidence;
}

export interface MatchOptions {
  speakers?: readonly Speaker[];
  /** true: internal notes only; false: public comments only. */
  internal?: boolean;
  /** Keep negated matches (for patterns that carry their own negation, e.g. "no troubleshooting yet"). */
  keepNegated?: boolean;
  /** At most this many hits (default 8): evidence beyond a few lines helps nobody, and long tickets stay fast. */
  limit?: number;
  /** Collect the latest hits instead of the earliest (still returned oldest first). */
  latest?: boolean;
  /** Skip sentences that also match one of these (context that changes the meaning, e.g. "another company"). */
  unless?: readonly RegExp[];
  /** Read quoted words too: an error message in quotes is the system talking, not reported speech. */
  readQuotes?: boolean;
}

const STAFF_ROLES = new Set(['agent', 'admin']);

/** Splits the bundle's comments (or, without comments, its description) into passages, oldest first. */
export function passages(bundle: Bundle): Passage[] {
  const ticket = bundle.ticket;
  const roles = new Map<string, string>();
  for (const u of bundle.users ?? []) roles.set(String(u.id), u.role ?? '');
  const requester = ticket.requester_id == null ? null : String(ticket.requester_id);
  const assignee = ticket.assignee_id == null ? null : String(ticket.assignee_id);

  const speakerOf = (authorId: string | null, index: number, isPublic: boolean): Speaker => {
    if (authorId !== null) {
      if (authorId === requester) return 'customer';
      const role = roles.get(authorId);
      if (role !== undefined && STAFF_ROLES.has(role)) return 'agent';
      if (role === 'end-user') return 'customer';
      if (authorId === assignee) return 'agent';
    }
    if (!isPublic) return 'agent'; // only staff can write internal notes
    return index === 0 ? 'customer' : 'unknown';
  };

  const result: Passage[] = [];
  const subject = ticket.subject?.trim();
  if (subject) {
    result.push(makePassage({ kind: 'subject' }, 'customer', true, ticket.created_at ?? null, subject));
  }
  const comments = bundle.comments ?? [];
  if (comments.length === 0 && ticket.description) {
    const base = {
      kind: 'comment',
      id: 'description',
      speaker: 'customer',
      public: true,
      at: ticket.created_at ?? null,
    } as const;
    result.push(makePassage(base, 'customer', true, base.at, ticket.description));
  }
  comments.forEach((c, index) => {
    const isPublic = c.public !== false;
    const authorId = c.author_id == null ? null : String(c.author_id);
    const speaker = speakerOf(authorId, index, isPublic);
    const id = c.id == null ? `#${index + 1}` : String(c.id);
    const at = c.created_at ?? null;
    const body = c.body ?? c.plain_body ?? '';
    result.push(
      makePassage({ kind: 'comment', id, speaker, public: isPublic, at }, speaker, isPublic, at, body),
    );
  });
  return result;
}

function makePassage(
  evidenceBase: Passage['evidenceBase'],
  speaker: Speaker,
  isPublic: boolean,
  at: string | null,
  body: string,
): Passage {
  // Curly apostrophes read as straight ones: "customers’ data" is "customers' data".
  const stripped = stripQuotedHistory(body);
  const own = /[\u2018\u2019]/.test(stripped) ? stripped.replace(/[\u2018\u2019]/g, "'") : stripped;
  let sentences: Sentence[] | null = null;
  // Split on first use: in a long ticket most comments never match anything and are never split.
  return {
    evidenceBase,
    speaker,
    public: isPublic,
    at,
    own,
    get sentences() {
      return (sentences ??= splitSentences(own));
    },
  };
}

const HISTORY_START = /^(On .{3,200}wrote:|-{2,} ?Original Message ?-{2,}|From: .+|_{5,})\s*$/im;

/** Drops the quoted history an email client appends ("On Mon, X wrote:", "> ..." lines). */
export function stripQuotedHistory(body: string): string {
  // Most comments quote nothing: skip the line-by-line work for them.
  if (!body.includes('>') && !/wrote:|Original Message|From: |_{5}/.test(body)) return body;
  const cut = HISTORY_START.exec(body);
  const head = cut ? body.slice(0, cut.index) : body;
  return head
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

// Double quotes, curly quotes, guillemets, and single quotes that open after a space and close before
// punctuation or a space (so "don't" and "customers' data" are not read as quotes).
export const QUOTED =
  /"[^"\n]{1,300}"|“[^”\n]{1,300}”|«[^»\n]{1,300}»|(?<=^|[\s(:,])'(?=\S)[^'\n]{1,300}?(?<=\S)'(?=[\s.,!?;:)]|$)/g;

const MAYBE_NUMBER = /\d[\d -]{4,}\d/;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of text.split(/\n+/)) {
    const plainLine = line.replace(QUOTED, (q) => ' '.repeat(q.length));
    // Split both views at the same offsets so a match in `plain` maps back to `text`.
    let start = 0;
    // "Account No. 40948898" stays one sentence: cut after "No." and the number would lose the word that
    // marks it as an account number, and go unmasked.
    const ends = /(?!(?<=\b(?:no|nr|num|acct|a\/c))\.\s+#?\d)[.!?]+(?=\s+|$)/gi;
    let m: RegExpExecArray | null;
    const cuts: number[] = [];
    while ((m = ends.exec(plainLine)) !== null) cuts.push(m.index + m[0].length);
    cuts.push(line.length);
    for (const end of cuts) {
      const t = line.slice(start, end).trim();
      if (t)
        out.push({
          text: MAYBE_NUMBER.test(t) ? maskSensitive(t) : t,
          plain: plainLine.slice(start, end).trim(),
        });
      start = end;
    }
  }
  return out;
}

export const CLAUSE_BREAK = /[,;:()]|\s[-–—]\s|\b(but|however|although|though|whereas|except)\b/gi;
const NEGATOR =
  /\b(not|no|never|without|nor|neither|nobody|none|nothing|hardly|cannot|doubt|ruled out|rule out|instead of)\b|n't\b|n’t\b/i;
const HYPOTHETICAL = /\b(if|whether|unless|in case|in the event|suppose|supposing|imagine)\b/i;
const HYPOTHETICAL_QUESTION =
  /^\s*(if|in case|in the event|suppose|supposing|what if|hypothetically)\b.*\?\s*$/i;

/** How a match is framed in its clause: asserted, negated or hypothetical. */
export function framing(plain: string, index: number): 'asserted' | 'negated' | 'hypothetical' {
  const before = plain.slice(0, index);
  // "If I ever saw a charge I didn't make, should I do a chargeback?" asks about a case that did not happen.
  if (HYPOTHETICAL_QUESTION.test(plain)) return 'hypothetical';
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) clauseStart = m.index + m[0].length;
  const words = before.slice(clauseStart).trim().split(/\s+/);
  // A condition governs the words right after it: "if someone hacked me" but not
  // "if this isn't fixed by Friday I'm taking you to court" (the threat is the main clause).
  if (HYPOTHETICAL.test(words.slice(-8).join(' '))) return 'hypothetical';
  return NEGATOR.test(words.slice(-5).join(' ')) ? 'negated' : 'asserted';
}

const MAX_QUOTE = 220;

export function quoteOf(sentence: Sentence): string {
  const t = sentence.text.replace(/\s+/g, ' ');
  return t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE - 3)}...` : t;
}

export function evidenceFor(p: Passage, s: Sentence): Evidence {
  const quote = quoteOf(s);
  return p.evidenceBase.kind === 'subject' ? { kind: 'subject', quote } : { ...p.evidenceBase, quote };
}

/**
 * Every asserted occurrence of any pattern, one hit per sentence. Patterns are matched against the
 * sentence with quoted words blanked; questions an agent asks are not assertions and are skipped.
 */
export function find(
  list: readonly Passage[],
  patterns: readonly RegExp[],
  options: MatchOptions = {},
): Hit[] {
  const hits: Hit[] = [];
  const { each } = combined(patterns);
  const limit = options.limit ?? 8;
  for (const passage of candidatePassages(list, patterns, options.latest === true)) {
    if (hits.length >= limit) break;
    if (options.speakers && !options.speakers.includes(passage.speaker)) continue;
    if (options.internal === true && passage.public) continue;
    if (options.internal === false && !passage.public) continue;
    const sentences = options.latest ? [...passage.sentences].reverse() : passage.sentences;
    for (const sentence of sentences) {
      if (hits.length >= limit) break;
      if (passage.speaker === 'agent' && passage.public && sentence.plain.endsWith('?')) continue;
      if (options.unless && firstAsserted(sentence.plain, combined(options.unless).each, true) !== null)
        continue;
      const hit = firstAsserted(
        options.readQuotes ? sentence.text : sentence.plain,
        each,
        options.keepNegated === true,
      );
      if (hit !== null)
        hits.push({ passage, sentence, match: hit, evidence: evidenceFor(passage, sentence) });
    }
  }
  return options.latest ? hits.reverse() : hits;
}

interface Corpus {
  text: string;
  starts: number[];
}
const CORPUS = new WeakMap<readonly Passage[], Corpus>();

/** All the passages' words in one string, so one scan finds which comments can match at all. */
function corpusOf(list: readonly Passage[]): Corpus {
  let corpus = CORPUS.get(list);
  if (!corpus) {
    const starts: number[] = [];
    let offset = 0;
    for (const p of list) {
      starts.push(offset);
      offset += p.own.length + 2;
    }
    corpus = { text: list.map((p) => p.own).join('\n\n'), starts };
    CORPUS.set(list, corpus);
  }
  return corpus;
}

/**
 * The passages in which a pattern matches somewhere, lazily, oldest first (latest first with `latest`).
 * A long ticket is scanned as one string: one regex scan instead of one per comment, a match decides its
 * passage and the scan jumps to the next one; callers stop as soon as they have enough hits.
 */
function* candidatePassages(
  list: readonly Passage[],
  patterns: readonly RegExp[],
  latest: boolean,
): Generator<Passage> {
  const { any, scan } = combined(patterns);
  if (list.length <= 1) {
    for (const p of list) if (any.test(p.own)) yield p;
    return;
  }
  const { text, starts } = corpusOf(list);
  if (latest) {
    // From the end, comment by comment, but only when the pattern occurs at all.
    if (!any.test(text)) return;
    for (let i = list.length - 1; i >= 0; i--) {
      const p = list[i];
      if (p && any.test(p.own)) yield p;
    }
    return;
  }
  let from = 0;
  while (from < text.length) {
    scan.lastIndex = from;
    const m = scan.exec(text);
    if (m === null) return;
    const i = passageAt(starts, m.index);
    const passage = list[i];
    if (passage) yield passage;
    from = starts[i + 1] ?? text.length;
  }
}

const SINGLE = new WeakMap<RegExp, RegExp[]>();

/** The passages whose text matches one pattern, oldest first, lazily (for extracting details). */
export function passagesWith(list: readonly Passage[], pattern: RegExp): Generator<Passage> {
  let patterns = SINGLE.get(pattern);
  if (!patterns) {
    patterns = [pattern];
    SINGLE.set(pattern, patterns);
  }
  return candidatePassages(list, patterns, false);
}

function passageAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const COMBINED = new WeakMap<readonly RegExp[], { any: RegExp; each: RegExp; scan: RegExp }>();

/** A pattern list as one alternation: `any` to test a comment, `each` and `scan` (global) to scan text. */
function combined(patterns: readonly RegExp[]): { any: RegExp; each: RegExp; scan: RegExp } {
  let found = COMBINED.get(patterns);
  if (!found) {
    const source = patterns.map((p) => `(?:${p.source})`).join('|') || '(?!)';
    const flags = (patterns[0]?.flags ?? 'i').replace('g', '');
    found = {
      any: new RegExp(source, flags),
      each: new RegExp(source, `${flags}g`),
      scan: new RegExp(source, `${flags}g`),
    };
    COMBINED.set(patterns, found);
  }
  return found;
}

function firstAsserted(plain: string, re: RegExp, keepNegated: boolean): string | null {
  // Compiled once with the g flag: scan from the start of the sentence, past negated uses.
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(plain)) !== null) {
    if (keepNegated || framing(plain, m.index) === 'asserted') return m[0];
    re.lastIndex = m.index + 1;
  }
  return null;
}

/** Sentences of the passages that match a pattern anywhere (quoted or not), for extracting details. */
export function sentencesMatching(
  list: readonly Passage[],
  pattern: RegExp,
  max = Infinity,
): { passage: Passage; sentence: Sentence }[] {
  const once = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  const out: { passage: Passage; sentence: Sentence }[] = [];
  for (const passage of passagesWith(list, pattern))
    for (const sentence of passage.sentences) {
      if (out.length >= max) return out;
      if (once.test(sentence.text)) out.push({ passage, sentence });
    }
  return out;
}
