/**
 * The guide's words in a message: each kind of problem fires on wording written for these tests (not the
 * guide's own examples) and stays quiet on near misses (negation, quoting the customer, Trust & Safety
 * kinds on other paths, masked numbers). Every engine message of every example case is clean.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTriggers, reviewMessage, type WordingKind, type WordingProblem } from './advice';
import { parseBundle, type Bundle } from './bundle';
import { decide } from './decide';
import { customer, note, reply, sample } from './sample';
import type { Target } from './teams';

const plain = sample([customer('My phone stopped working yesterday.')]);
const review = (message: string, targets: Target[] = ['l2'], bundle: Bundle = plain) =>
  reviewMessage(message, { bundle, decision: { targets } });
const found = (problems: WordingProblem[], kind: WordingKind) =>
  problems.filter((p) => p.kind === kind).map((p) => p.quote);

describe("DON'T-say lines and their paraphrases", () => {
  it.each([
    ['Honestly, there is not much we can do about it.', 'there is not much we can do about it', 'specialist'],
    ["We're unable to help you any further.", "We're unable to help you any further", 'specialist'],
    ['Sorry, I cannot do anything else for you.', 'I cannot do anything else for you', 'specialist'],
    ['My hands are tied here.', 'My hands are tied here', 'specialist'],
    ["Sorry, billing isn't our department.", "billing isn't our department", 'documented everything'],
    ['A different team takes care of that, sorry.', 'A different team takes care of that', 'documented'],
    [
      'You will need to reach out to another department.',
      'You will need to reach out to another department',
      'documented',
    ],
    ["You're going to have to wait a bit longer.", "You're going to have to wait a bit longer", 'hear back'],
    ['All you can do now is wait.', 'All you can do now is wait', 'hear back'],
    [
      'There is no telling how long it will take.',
      'There is no telling how long it will take',
      'personally follow up',
    ],
    [
      "We can't tell you when the engineers will respond.",
      "We can't tell you when the engineers will respond",
      'personally',
    ],
    [
      "i really don't know when they'll get back to you",
      "i really don't know when they'll get back to you",
      'personally',
    ],
  ])('%s', (message, quote, say) => {
    const dont = review(message).filter((p) => p.kind === 'dont_say');
    expect(dont.map((p) => p.quote)).toEqual([quote]);
    expect(dont[0]?.replacement).toContain(say);
  });

  it('offers the DO-say line with the primary team’s timeframe', () => {
    expect(review('You have to be patient.', ['carrier'])[0]?.replacement).toBe(
      "You'll hear back within 2-3 business days",
    );
    expect(review('You have to be patient.', ['trust_safety'])[0]?.replacement).toBe(
      "You'll hear back within 24-48 hours",
    );
    expect(review('You have to be patient.', [])[0]?.replacement).toBe("You'll hear back within [timeframe]");
  });

  it('takes the whole clause, so the DO-say line replaces it as a sentence', () => {
    const message =
      'Thanks for waiting. Sorry, you just need to be patient and wait for the team; I will update you.';
    const [p] = review(message);
    expect(p?.quote).toBe('you just need to be patient and wait for the team');
    const fixed = message.slice(0, p?.start) + (p?.replacement ?? '') + message.slice(p?.end);
    expect(fixed).toBe("Thanks for waiting. Sorry, you'll hear back within 24 hours; I will update you.");
  });

  it('points at the words', () => {
    const message = 'Hi Sam,\n\nThanks for writing. Someone else deals with this, so please hold.';
    const [p] = review(message);
    expect(p).toMatchObject({ kind: 'dont_say', quote: 'Someone else deals with this', start: 29, end: 57 });
    expect(message.slice(p?.start, p?.end)).toBe(p?.quote);
  });

  it.each([
    "I'd never tell a customer there's nothing I can do.",
    'You wrote that the last agent said "you\'ll just have to wait" - I\'m sorry about that.',
    'On Monday you wrote:\n> nobody will help, you will have to wait forever\nI understand.',
    "You won't have to wait long: the team replies within 24 hours.",
    "I know when you'll hear back: within 24 hours.",
    "It's not our team's fault, but I'm on it.",
    "I'm bringing in a specialist who handles these types of issues.",
    "I've documented everything so you won't need to repeat yourself.",
    "You'll hear back within 48 hours. I'll personally follow up to make sure this moves forward.",
  ])('leaves alone: %s', (message) => {
    expect(review(message)).toEqual([]);
  });
});

describe('outcome promises on the Trust & Safety path', () => {
  it.each([
    ['Good news: the review team will reinstate your line.', 'the review team will reinstate your line'],
    ['Your service is going to be turned back on by Friday.', 'Your service is going to be turned back on'],
    ["You'll certainly get your number back.", "You'll certainly get your number back"],
    ['Everything will be fine, it is guaranteed.', 'Everything will be fine|guaranteed'],
  ])('%s', (message, quotes) => {
    expect(found(review(message, ['trust_safety']), 'promise')).toEqual(quotes.split('|'));
  });

  it.each([
    "I can't guarantee what the review team will decide.",
    "There's no guarantee, but they look at every appeal carefully.",
    'I promise to keep you updated.',
  ])('leaves alone: %s', (message) => {
    expect(review(message, ['trust_safety'])).toEqual([]);
  });

  it('says nothing about promises off the Trust & Safety path', () => {
    expect(review('The review team will reinstate your line, guaranteed.', ['l2'])).toEqual([]);
  });
});

describe('the flag reason from internal notes on the Trust & Safety path', () => {
  const flagged = sample([
    customer('Why is my account locked? I paid my bill and someone may have used my card for a chargeback.'),
    note(
      'Risk hold: payment card reported stolen, 2 chargebacks, velocity alerts from 7 signups on one IP. Do not disclose.',
    ),
    reply('Hi Sam, I am looking into it.'),
    note('Sam Lee called again, upset.'),
  ]);

  it('finds the notes’ words the customer never wrote, adjacent words as one finding', () => {
    const message = 'Your account was locked after velocity alerts about a stolen card.';
    const problems = review(message, ['trust_safety'], flagged);
    expect(found(problems, 'internal_reason')).toEqual(['velocity alerts', 'stolen']);
    const [first] = problems;
    expect(first?.start).toBe(message.indexOf('velocity'));
    expect(first?.end).toBe(message.indexOf(' about'));
    expect(first?.replacement).toBeUndefined();
  });

  it('matches the notes’ word forms ("signups" in the note, "signup" in the message)', () => {
    expect(found(review('One signup looked odd.', ['trust_safety'], flagged), 'internal_reason')).toEqual([
      'signup',
    ]);
  });

  it.each([
    ['the customer’s own words', 'About the chargeback you mentioned: the team is checking it.'],
    ['the customer’s name', 'Sam, your case is with the review team.'],
    [
      'common words of a reply',
      'I have shared your statement with the review team; please check your inbox.',
    ],
  ])('leaves alone %s', (_what, message) => {
    expect(review(message, ['trust_safety'], flagged)).toEqual([]);
  });

  it('says nothing about internal notes off the Trust & Safety path', () => {
    expect(review('There were velocity alerts on a stolen card.', ['l2'], flagged)).toEqual([]);
  });
});

describe('unmasked account and card numbers on every path', () => {
  it('finds each number and offers its masked form', () => {
    const message = 'Your routing number is 021000021 and the card 5500-0000-0000-0004 was charged.';
    const problems = review(message, ['engineering']);
    expect(problems.map((p) => [p.kind, p.quote, p.replacement])).toEqual([
      ['unmasked_number', '021000021', '****0021'],
      ['unmasked_number', '5500-0000-0000-0004', '****0004'],
    ]);
    for (const p of problems) expect(message.slice(p.start, p.end)).toBe(p.quote);
  });

  it.each(['The card ending ****0004 was charged.', 'Call us on 415-555-0132 about ticket 384127.'])(
    'leaves alone: %s',
    (message) => {
      expect(review(message)).toEqual([]);
    },
  );
});

describe('trigger phrases', () => {
  it.each([
    ['Pretty sure this needs to go to L2.', 'this needs to go to L2'],
    ['Handing this over to Legal now', 'Handing this over'],
    ['Anyone know who deals with this one?', 'who deals with this'],
    ["We couldn't fix it on our side", "We couldn't fix it"],
    ['seems like a carrier thing', 'seems like a carrier thing'],
    ['this is a backend bug for sure', 'backend bug'],
    ['cx needs a manager', 'needs a manager'],
    ['I have to escalate this', 'have to escalate'],
  ])('%s', (text, phrase) => {
    const [trigger] = findTriggers(text);
    expect(trigger?.phrase).toBe(phrase);
    expect(text.slice(trigger?.start, trigger?.end)).toBe(phrase);
  });

  it.each([
    "This doesn't need L2.",
    'No need to escalate, the workaround fixed it.',
    "I don't think it needs to be escalated.",
    'The store manager needed a day to reply.',
    'The customer wrote "please escalate to your boss".',
  ])('leaves alone: %s', (text) => {
    expect(findTriggers(text)).toEqual([]);
  });
});

describe("the engine's own messages", () => {
  const dirs = [join(import.meta.dirname, '../../../shared/cases'), join(import.meta.dirname, '../../cases')];
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(dir, f)),
  );

  it.each(files)('%s has no wording problems', (file) => {
    const parsed = parseBundle(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    for (const channel of ['email', 'chat']) {
      const bundle = { ...parsed.bundle, ticket: { ...parsed.bundle.ticket, via: { channel } } };
      const decision = decide(bundle);
      expect(decision.wording).toEqual([]);
      expect(reviewMessage(decision.customer_message, { bundle, decision })).toEqual([]);
    }
  });
});
