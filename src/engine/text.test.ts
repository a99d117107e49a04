import { describe, expect, it } from 'vitest';
import { framing, splitSentences, stripQuotedHistory } from './text';

const at = (text: string, word: string) => framing(text, text.indexOf(word));

describe('framing: asserted, negated or hypothetical', () => {
  it.each([
    ['I am not saying this is fraud', 'fraud', 'negated'],
    ["I don't think anyone hacked me", 'hacked', 'negated'],
    ['There is no outage in my area', 'outage', 'negated'],
    ['The port was never rejected', 'rejected', 'negated'],
    ['If someone hacked my account, what happens?', 'hacked', 'hypothetical'],
    ['In case my line gets suspended, who do I call?', 'suspended', 'hypothetical'],
    ['Someone hacked my account last night', 'hacked', 'asserted'],
    // The negation sits in an earlier clause; the threat itself is asserted.
    ['If the overcharge is not corrected, our attorneys will file suit', 'attorneys', 'asserted'],
    ["It's not the app, but the port was rejected", 'rejected', 'asserted'],
  ])('%s → %s is %s', (text, word, expected) => {
    expect(at(text, word)).toBe(expected);
  });
});

describe('quoted material', () => {
  it('drops the quoted email history', () => {
    const body =
      'Thanks, that fixed it.\n\nOn Mon, 3 Mar 2025, Meow Support wrote:\n> We suspect fraud on the account.';
    expect(stripQuotedHistory(body)).not.toMatch(/fraud/);
    expect(stripQuotedHistory(body)).toMatch(/fixed it/);
  });

  it('drops "> " lines but keeps the rest', () => {
    expect(stripQuotedHistory('> old reply\nnew words')).toBe('new words');
  });

  it('blanks quoted words for detection but keeps them for evidence', () => {
    const [s] = splitSentences('My friend keeps saying "you should sue them" but I just want a refund.');
    expect(s?.plain).not.toMatch(/sue/);
    expect(s?.text).toMatch(/sue/);
  });

  it('does not read apostrophes in words as quotes', () => {
    const [s] = splitSentences("I don't know why the customers' data isn't loading");
    expect(s?.plain).toBe(s?.text);
  });

  it('blanks single-quoted speech', () => {
    const [s] = splitSentences("My husband says 'just sue them' lol");
    expect(s?.plain).not.toMatch(/sue/);
  });
});

describe('sentences', () => {
  it('splits on sentence ends, not on decimals', () => {
    const parts = splitSentences('Refund due = $127.50. Over the limit! Needs L2?').map((s) => s.text);
    expect(parts).toEqual(['Refund due = $127.50.', 'Over the limit!', 'Needs L2?']);
  });

  it('masks account numbers in the evidence text', () => {
    const [s] = splitSentences('Verizon account number is 482019375561 and PIN 7093.');
    expect(s?.text).toContain('****5561');
    expect(s?.text).not.toContain('482019375561');
  });
});
