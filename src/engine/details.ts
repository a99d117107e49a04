/**
 * Details the notes need, read from the ticket's words: error codes, device, carrier, port request,
 * what the customer wants, what was tried. Anything not found stays null and the note shows a placeholder.
 */
import type { Bundle } from './bundle';
import type { Facts } from './facts';
import { maskNumber, maskSensitive } from './mask';
import { passagesWith, quoteOf, sentencesMatching, type Passage } from './text';

export interface Details {
  carrier: string | null;
  phone: string | null;
  portRequestId: string | null;
  rejectionCode: string | null;
  rejectionReason: string | null;
  oldAccountNumber: string | null;
  errorCodes: string[];
  errorMessages: string[];
  firstErrorAt: string | null;
  device: string | null;
  osVersion: string | null;
  appVersion: string | null;
  identityVerified: string | null;
  accountStatus: string | null;
  customerWants: string | null;
  customerStatement: string | null;
  customerImpact: string | null;
  tried: { at: string | null; text: string }[];
  /** Internal notes older than the ones in `tried`. */
  earlierNotes: number;
  attempts: { at: string | null; text: string }[];
  firstReported: string | null;
}

const CARRIER_NAMES: [RegExp, string][] = [
  [/\bAT&T\b|\bATT\b/i, 'AT&T'],
  [/\bVerizon\b/i, 'Verizon'],
  [/\bT-?Mobile\b/i, 'T-Mobile'],
  [/\bConnectX\b/i, 'ConnectX'],
  [/\bUS Cellular\b/i, 'US Cellular'],
  [/\bSprint\b/i, 'Sprint'],
  [/\bCricket\b/i, 'Cricket'],
  [/\bGoogle Fi\b/i, 'Google Fi'],
  [/\bVisible\b/, 'Visible'],
  [/\bMint Mobile\b/i, 'Mint Mobile'],
];

/** The first match in the passages; only comments whose text matches are split into sentences. */
const firstMatch = (list: readonly Passage[], re: RegExp, group = 0): string | null => {
  for (const p of passagesWith(list, re)) {
    for (const s of p.sentences) {
      const m = re.exec(s.text);
      if (m?.[group]) return m[group].trim();
    }
  }
  return null;
};

const allMatches = (list: readonly Passage[], re: RegExp, max: number): string[] => {
  const out = new Set<string>();
  for (const p of passagesWith(list, re))
    for (const s of p.sentences)
      for (const m of s.text.matchAll(re)) {
        out.add(m[0].trim());
        if (out.size >= max) return [...out];
      }
  return [...out];
};

/** Notes and timelines show the latest few; a 2,000-comment ticket must still give a readable note. */
const RECENT = 10;

const ACCOUNT = /\b(?:account|acct)\s*(?:number|no\.?|#)?\s*(?:is|:)?\s*(\*{4}\d{4}|\d[\d -]{4,}\d)/i;
const PHONE = /(?:\(\d{3}\)\s?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b/;
const PORT_REQUEST = /\b(PRQ-?\d+|port (?:request )?(?:id|#)\s*:?\s*[A-Z0-9-]{5,})\b/i;
const REJECTION_CODE = /\b(?:code|rejection code)\s*:?\s*([A-Z0-9]{1,6})\b/;
const REJECTION_REASON = /\breason(?: text)?\s*:\s*([^.]{5,160})/i;
const OS_VERSION = /\b(iOS|iPadOS|Android)\s?\d+(\.\d+)*/i;
const APP_VERSION = /\b(?:app(?: version)?|version)\s*v?(\d+\.\d+(?:\.\d+)?)\b/i;
const ID_VERIFIED = /\b(?:ID|identity)\s+verified\s+(?:via|with|by)\s+([^.]{3,100})/i;

const ERROR_CODES =
  /\bERR_[A-Z0-9_]+\b|\b(?:error|code)\s*#?\s*[A-Z]*-?\d{3,}\b|\bHTTP ?5\d\d\b|\b(?:POST|GET|PUT|PATCH|DELETE) \/[\w/{}.-]+ 5\d\d\b/gi;
const ERROR_WORDS = /\b(error|err_|failed|fails|went wrong|code)\b/i;

const REQUEST =
  /\b(please|can you|could you|I need|I want|I'd like|I would like|I just want|need (it|this|you) to|refund|fix|restore|turn .* back on|switch|change|cancel|help me|get me)\b/i;

export function extractDetails(bundle: Bundle, f: Facts): Details {
  const list = f.passages;
  const customer = list.filter((p) => p.speaker === 'customer' && p.evidenceBase.kind === 'comment');
  const notes = list.filter((p) => p.speaker === 'agent' && !p.public);
  const errorSentences = sentencesMatching(list, ERROR_WORDS, 20);

  const account = firstMatch(list, ACCOUNT, 1);

  return {
    carrier: carrierOf(bundle, list),
    phone: firstMatch(customer.length ? customer : list, PHONE),
    portRequestId: firstMatch(list, PORT_REQUEST, 1),
    rejectionCode: firstMatch(list, REJECTION_CODE, 1),
    rejectionReason: firstMatch(list, REJECTION_REASON, 1),
    oldAccountNumber: account === null ? null : account.startsWith('****') ? account : maskNumber(account),
    errorCodes: allMatches(list, ERROR_CODES, 6),
    errorMessages: errorSentences
      .filter(({ passage }) => passage.speaker === 'customer')
      .slice(0, 3)
      .map(({ sentence }) => quoteOf(sentence)),
    firstErrorAt: errorSentences[0]?.passage.at ?? null,
    device: deviceOf(bundle, f),
    osVersion: firstMatch(list, OS_VERSION),
    appVersion: firstMatch(list, APP_VERSION, 1),
    identityVerified: firstMatch(notes, ID_VERIFIED, 1),
    accountStatus: accountStatus(bundle, f),
    customerWants: customerWants(customer),
    customerStatement: longest(
      customer.filter((p) => p !== customer[0]).length ? customer.slice(1) : customer,
    ),
    customerImpact: firstMatch(
      customer,
      /\b(?:I\s+|we\s+)?(?:can'?t|cannot|unable to|couldn'?t|won'?t let me)\s+[^.!?]{3,100}/i,
    ),
    tried: notes
      .slice(-RECENT)
      .map((p) => ({ at: p.at, text: clean(p.sentences.map((s) => s.text).join(' ')) })),
    earlierNotes: Math.max(0, notes.length - RECENT),
    attempts: attempts(list),
    firstReported: firstReported(bundle, f),
  };
}

/** Ticket text is masked sentence by sentence; this also folds whitespace and caps the length. */
export function clean(text: string, max = 400): string {
  const t = maskSensitive(text).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

const OUTCOME = /\b(reject|declin|denied|failed|bounced)/i;
const ATTEMPT = /\b(reject|declin|denied|attempt|resubmit|submission|retry|submitted|\d+(st|nd|rd|th))/i;

/** One timeline line per agent comment that reports an attempt's outcome. */
function attempts(list: readonly Passage[]): { at: string | null; text: string }[] {
  return list
    .filter((p) => p.speaker === 'agent' && OUTCOME.test(p.own))
    .slice(-RECENT)
    .map((p) => ({
      at: p.at,
      text: clean(
        p.sentences
          .filter((s) => ATTEMPT.test(s.plain))
          .map((s) => s.text)
          .join(' '),
        300,
      ),
    }));
}

const ANY_CARRIER = new RegExp(CARRIER_NAMES.map(([re]) => `(?:${re.source})`).join('|'), 'i');

function carrierOf(bundle: Bundle, list: readonly Passage[]): string | null {
  const texts = [(bundle.ticket.tags ?? []).join(' '), ...list.map((p) => p.own)];
  for (const text of texts) {
    const m = ANY_CARRIER.exec(text);
    if (m) return CARRIER_NAMES.find(([re]) => re.test(m[0]))?.[1] ?? null;
  }
  return null;
}

function deviceOf(bundle: Bundle, f: Facts): string | null {
  const id = f.settings.deviceFieldId;
  const field =
    id === null ? undefined : (bundle.ticket.custom_fields ?? []).find((c) => String(c.id) === id)?.value;
  if (typeof field === 'string' && field.trim()) return field.trim();
  return firstMatch(
    f.passages,
    /\b(iPhone\s?\d+(?:\s?(?:Pro Max|Pro|Plus|Mini|e))?|iPhone SE|Samsung Galaxy\s?[A-Z]?\d+\w*|Galaxy\s?[A-Z]\d+\w*|Pixel\s?\d+\w*(?: Pro)?|Moto(?:rola)?\s?[A-Za-z]?\d+\w*|OnePlus\s?\d+\w*)/i,
  );
}

function accountStatus(bundle: Bundle, f: Facts): string | null {
  const fields =
    (bundle.users ?? []).find((u) => String(u.id) === String(bundle.ticket.requester_id))?.user_fields ?? {};
  const fromField = fields.account_status;
  if (typeof fromField === 'string' && fromField) return fromField;
  if (f.tags.some((t) => /suspend/.test(t.tag)) || f.said.suspended.value) return 'Suspended';
  return null;
}

function customerWants(customer: readonly Passage[]): string | null {
  // The latest explicit request, else the first one.
  for (const p of [...customer].reverse()) {
    if (!REQUEST.test(p.own)) continue;
    for (const s of [...p.sentences].reverse())
      if (REQUEST.test(s.plain) && s.text.length > 8) return quoteOf(s);
  }
  return null;
}

function longest(list: readonly Passage[]): string | null {
  let best: Passage | null = null;
  for (const p of list) if (!best || p.own.length > best.own.length) best = p;
  return best ? clean(best.sentences.map((s) => s.text).join(' '), 600) : null;
}

function firstReported(bundle: Bundle, f: Facts): string | null {
  const dates = [bundle.ticket.created_at, ...f.relatedTickets.value.map((t) => t.createdAt)].filter(
    (d): d is string => typeof d === 'string' && !Number.isNaN(Date.parse(d)),
  );
  dates.sort();
  return dates[0] ?? null;
}
