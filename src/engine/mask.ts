/**
 * Masks account and card numbers to their last 4 digits wherever ticket text is quoted.
 * Two patterns: a long number (12-19 digits unbroken, or in a card's 4-4-4-4 / 4-6-5 groups: card and
 * account numbers; phone numbers have at most 11 digits), and a shorter run of 6+ digits right after
 * words like "account", "acct", "card" or "routing" (an account number, not a case or order number).
 */
const LONG_RUN = /\b\d{12,19}\b|\b\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}\b|\b\d{4}[ -]\d{6}[ -]\d{5}\b/g;
const NAMED_NUMBER =
  /\b(account|acct|a\/c|card|credit card|debit card|routing|iban|member)(\s*(number|no\.?|num|#)?\s*(is|was|:|=)?\s*#?\s*)(\d[\d -]{4,}\d)\b/gi;

export function maskNumber(digits: string): string {
  const only = digits.replace(/\D/g, '');
  return `****${only.slice(-4)}`;
}

/** Returns the text with account and card numbers masked; everything else unchanged. */
export function maskSensitive(text: string): string {
  return text
    .replace(NAMED_NUMBER, (_m, word: string, between: string, _n, _v, num: string) =>
      num.replace(/\D/g, '').length >= 6 ? `${word}${between}${maskNumber(num)}` : `${word}${between}${num}`,
    )
    .replace(LONG_RUN, (m) => maskNumber(m));
}

/** True when the text still holds an unmasked account or card number. */
export function hasUnmaskedNumber(text: string): boolean {
  return maskSensitive(text) !== text;
}

/** An account or card number as written, where it is, and its masked form. */
export interface NumberSpan {
  start: number;
  end: number;
  masked: string;
}

/** Where the text holds account or card numbers that `maskSensitive` would mask, in text order. */
export function findUnmaskedNumbers(text: string): NumberSpan[] {
  if (!/\d[\d -]{4,}\d/.test(text)) return [];
  const spans: NumberSpan[] = [];
  for (const m of text.matchAll(NAMED_NUMBER)) {
    const num = m[5] ?? '';
    const end = m.index + m[0].length;
    if (num.replace(/\D/g, '').length >= 6)
      spans.push({ start: end - num.length, end, masked: maskNumber(num) });
  }
  for (const m of text.matchAll(LONG_RUN)) {
    const start = m.index;
    if (!spans.some((s) => start < s.end && s.start < start + m[0].length))
      spans.push({ start, end: start + m[0].length, masked: maskNumber(m[0]) });
  }
  return spans.sort((a, b) => a.start - b.start);
}
