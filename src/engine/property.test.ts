/**
 * decide never throws and is deterministic on arbitrary bundles; parseBundle never throws on any JSON; and
 * the fuzz: valid-shaped and malformed bundles with hostile text, through the parser, decide and compose,
 * checking what must never leak (unmasked account and card numbers, a Trust & Safety flag reason).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle, type Bundle } from './bundle';
import { decide, route, type Decision } from './decide';
import { maskSensitive } from './mask';
import { customer, sample } from './sample';

// Words that drive the rules, mixed with noise, so generated text reaches the interesting paths.
const words = fc.constantFrom(
  'fraud',
  'not',
  'sue',
  'lawyer',
  'outage',
  'no service',
  'neighbours',
  'rejected',
  'port',
  '3rd attempt',
  'refund $150',
  'manager',
  'escalate',
  'engineers',
  'subpoena',
  'due by June 3',
  'reporter',
  'CEO',
  'hacked',
  'suspended',
  'appeal',
  'works now',
  'still',
  'TS complete',
  "haven't done any TS",
  'known issue KB-1',
  'workaround',
  '"quoted fraud"',
  "'sue them'",
  '> old reply',
  'On Mon wrote:',
  '482019375561',
  'ERR_X_500',
  'app crashes',
  "can't pay",
  '\u2019',
  '!!',
  'FIVE DAYS',
  '?',
  '.',
  '\n',
  ' ',
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(words, { maxLength: 12 }).map((w) => w.join(' ')),
);
const iso = fc
  .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') })
  .map((t) => new Date(t).toISOString());
const id = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom('7', '12'));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const bundle: fc.Arbitrary<Bundle> = fc.record(
  {
    now: maybe(iso),
    ticket: fc.record(
      {
        id: maybe(id),
        subject: maybe(text),
        description: maybe(text),
        status: maybe(fc.constantFrom('new', 'open', 'pending', 'hold', 'solved', 'closed', 'weird')),
        tags: maybe(
          fc.array(fc.constantFrom('vip', 'port_in', 'account_suspended', 'exec_complaint', 'outage', 'x')),
        ),
        via: maybe(
          fc.record({
            channel: maybe(fc.constantFrom('chat', 'email', 'web', 'native_messaging', 'carrier_pigeon')),
          }),
        ),
        created_at: maybe(iso),
        requester_id: maybe(id),
        assignee_id: maybe(id),
        custom_fields: maybe(
          fc.array(
            fc.record({ id, value: fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)) }),
          ),
        ),
      },
      { requiredKeys: [] },
    ),
    comments: maybe(
      fc.array(
        fc.record(
          {
            id: maybe(id),
            author_id: maybe(id),
            body: maybe(text),
            public: maybe(fc.boolean()),
            created_at: maybe(iso),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 8 },
      ),
    ),
    users: maybe(
      fc.array(
        fc.record(
          {
            id,
            name: maybe(text),
            email: maybe(fc.constantFrom('a@b.c', '')),
            role: maybe(fc.constantFrom('end-user', 'agent', 'admin')),
            tags: maybe(fc.array(fc.constantFrom('vip', 'executive'))),
            user_fields: maybe(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue())),
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 4 },
      ),
    ),
    requester_tickets: maybe(
      fc.array(
        fc.record(
          { id: maybe(id), tags: maybe(fc.array(fc.constantFrom('port_in', 'x'))), created_at: maybe(iso) },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    similar_recent_tickets: maybe(fc.nat(40)),
    agent_checklist: maybe(
      fc.record(
        {
          troubleshooting_done: maybe(fc.boolean()),
          info_complete: maybe(fc.boolean()),
          known_issue_with_workaround: maybe(fc.boolean()),
          only_wants_manager: maybe(fc.boolean()),
          port_in_info_verified: maybe(fc.boolean()),
        },
        { requiredKeys: [] },
      ),
    ),
    settings: maybe(
      fc.record(
        {
          category_field_id: maybe(id),
          refund_amount_field_id: maybe(id),
          vip_tags: maybe(fc.oneof(fc.string(), fc.array(fc.string()))),
          refund_threshold: maybe(fc.oneof(fc.nat(500), fc.constantFrom('100', ' 50 '))),
          outage_threshold: maybe(fc.nat(30)),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['ticket'] },
);

describe('the generated bundles', () => {
  it('accepts every generated bundle through the parser', () => {
    fc.assert(
      fc.property(bundle, (b) => {
        expect(parseBundle(JSON.parse(JSON.stringify(b)) as unknown).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseBundle on any JSON', () => {
  it('never throws and either parses or names a problem', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (ticket, other) => {
        for (const input of [
          ticket,
          { ticket },
          { ticket: { comments: other } },
          { bundle: { ticket: other } },
        ]) {
          const r = parseBundle(input);
          if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// --- The fuzz: 10,000 bundles, valid-shaped and malformed, through the parser, decide and compose ------------

/** Fixed, so a failure reproduces; FUZZ_SEED overrides it to explore. fast-check prints it on failure. */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_250_509);
const FUZZ_RUNS = 10_000;

/** A small deterministic generator, so the pool of planted numbers is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** An account or card number as a customer would write it, and its digits. */
interface Secret {
  written: string;
  digits: string;
}

/** Account and card numbers in every format the masking must catch; the fuzz plants them in ticket text. */
const SECRETS: readonly Secret[] = (() => {
  const next = lcg(FUZZ_SEED);
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join('');
  const out: Secret[] = [];
  for (let i = 0; i < 8; i += 1) {
    const card = digits(16);
    const groups = card.match(/\d{4}/g)?.join(i % 2 ? '-' : ' ') ?? card;
    out.push({ written: card, digits: card }, { written: groups, digits: card });
    const long = digits(12 + (i % 8));
    out.push({ written: long, digits: long });
    const amex = digits(15);
    out.push({ written: `${amex.slice(0, 4)} ${amex.slice(4, 10)} ${amex.slice(10)}`, digits: amex });
    const named = digits(6 + (i % 6));
    const word = [
      'account number is',
      'acct #',
      'Account No.',
      'card:',
      'routing',
      'a/c',
      'IBAN',
      'member #',
    ][i];
    out.push({ written: `${word ?? 'account'} ${named}`, digits: named });
  }
  return out;
})();

/**
 * The planted numbers `text` shows unmasked, whole or as a piece of 8+ digits (a truncated quote), each
 * with the words around it. Runs of digits may hold single spaces or dashes.
 */
function leakedSecrets(text: string): string[] {
  const leaks: string[] = [];
  for (const m of text.matchAll(/\d(?:[ -]?\d)*/g)) {
    const run = m[0].replace(/\D/g, '');
    if (run.length < 6) continue;
    for (const s of SECRETS)
      if (run.includes(s.digits) || (run.length >= 8 && s.digits.includes(run)))
        leaks.push(`${s.written} in "${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 10)}"`);
  }
  return leaks;
}

/** What an internal note may say about why an account was flagged; the customer must never read it. */
const FLAG_REASONS = [
  'flagged by velocity rule VR-22',
  'linked to a chargeback ring',
  'device fingerprint matches a banned account',
  'internal risk score 97',
];
const FLAG_WORDS = ['velocity', 'chargeback', 'fingerprint', 'banned', 'risk score'];

const HOSTILE_MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '[click me](javascript:alert(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<style>*{display:none}</style>',
  '&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;script&#x3E;',
  '{{ticket.requester.email}}',
  '${process.exit(1)}',
  "'; DROP TABLE tickets; --",
];
const ODD_UNICODE = [
  '\u202Eevil\u202C',
  'a\u200Db\u200Cc\u200Bd',
  'e\u0301\u0301\u0301\u0301',
  '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}',
  '\uD800',
  '\uDFFF',
  '\u0000',
  '\uFEFF',
  '\u2028\u2029',
  'İstanbul ß ǅ',
  'ｆｒａｕｄ',
  'fr\u00ADaud',
  '\r\n\r\n',
  '\t',
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const HUGE = (() => {
  const next = lcg(FUZZ_SEED + 1);
  const parts: string[] = [];
  let size = 0;
  while (size < 100_000) {
    const pool = [
      ...HOSTILE_MARKUP,
      ...ODD_UNICODE,
      'fraud',
      'my account was hacked',
      'sue',
      'refund $150',
      '.',
    ];
    const part =
      next() < 0.02
        ? (SECRETS[Math.floor(next() * SECRETS.length)]?.written ?? '')
        : (pool[Math.floor(next() * pool.length)] ?? '');
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join(' ');
})();

const fragment = fc.oneof(
  { weight: 12, arbitrary: words },
  { weight: 3, arbitrary: fc.constantFrom(...SECRETS.map((s) => s.written)) },
  { weight: 2, arbitrary: fc.constantFrom(...FLAG_REASONS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_MARKUP) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_UNICODE) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }) },
);
const fuzzText = fc.oneof(
  { weight: 20_000, arbitrary: fc.array(fragment, { maxLength: 14 }).map((w) => w.join(' ')) },
  { weight: 3_000, arbitrary: fc.string({ unit: codeUnit, maxLength: 60 }) },
  { weight: 1_000, arbitrary: fc.constant('') },
  // 100 KB of text (a pasted log, a forwarded thread) in about 1 bundle of 300: each costs a tenth of a
  // second to decide, and the engine must stay total on it.
  { weight: 7, arbitrary: fc.constant(HUGE) },
);

/** Wrong types, where a field's real value would be: what a broken export or a hand-edited file holds. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(Number.NaN, Infinity, -1, 0, 1e21, '', ' ', 'null', '[]', '{}', true, [], {}),
);
/** Mostly the real shape, now and then junk. */
const bad = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 150, arbitrary: arb }, { weight: 1, arbitrary: junk });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(bad(arb), { nil: undefined, freq: 6 });

const oddDate = fc.oneof(
  { weight: 40, arbitrary: iso },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '2024-02-29',
      '2024-02-30T10:00:00Z',
      '1970-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
      '2025-06-01T12:00:00+14:00',
      '2025-06-01T12:00:00-1200',
      '2025-06-01T12:00',
      '2025-06-01T12:00:00.123456789Z',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'yesterday',
      '',
      '2025-13-45',
      '2025-06-01 12:00:00',
      '0',
      '٢٠٢٥-٠٦-٠١',
      1_717_243_200,
    ),
  },
);
const REQUESTER = 1;
const ASSIGNEE = 2;
const person = fc.oneof(fc.constantFrom(REQUESTER, ASSIGNEE, 3, 4, 99), fc.constantFrom('1', '2'));
const fieldIds = fc.constantFrom(11, 12, 13, 360_000_111);
const TAGS = [
  'vip',
  'influencer',
  'port_in',
  'account_suspended',
  'exec_complaint',
  'outage',
  'billing',
  'esim',
  'legal',
  'press',
  'x',
];
const tagList = fc.array(fc.oneof(fc.constantFrom(...TAGS), fc.string({ unit: codeUnit, maxLength: 10 })), {
  maxLength: 6,
});

const fuzzBundle = fc.record(
  {
    now: opt(oddDate),
    ticket: bad(
      fc.record(
        {
          id: opt(fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('4242', '0'))),
          subject: opt(fuzzText),
          description: opt(fuzzText),
          status: opt(fc.constantFrom('new', 'open', 'pending', 'hold', 'solved', 'closed', 'OPEN', '')),
          tags: opt(tagList),
          via: opt(
            fc.record({
              channel: opt(fc.constantFrom('chat', 'email', 'web', 'native_messaging', 'api', '')),
            }),
          ),
          created_at: opt(oddDate),
          updated_at: opt(oddDate),
          requester_id: opt(fc.constant(REQUESTER)),
          assignee_id: opt(fc.constant(ASSIGNEE)),
          organization_id: opt(fc.constant(7)),
          custom_fields: opt(
            fc.array(
              fc.record({
                id: fieldIds,
                value: bad(
                  fc.oneof(
                    fuzzText,
                    fc.constantFrom('esim', 'port_in', 'payment', 'network', 'account', '150', '$1,200.50'),
                    fc.double(),
                    fc.boolean(),
                    fc.constant(null),
                    fc.array(fc.string(), { maxLength: 3 }),
                  ),
                ),
              }),
              { maxLength: 5 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    comments: opt(
      fc.array(
        fc.record(
          {
            id: opt(fc.integer({ min: 1, max: 10_000 })),
            author_id: opt(person),
            body: opt(fuzzText),
            public: opt(fc.boolean()),
            created_at: opt(oddDate),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 8 },
      ),
    ),
    users: opt(
      fc.array(
        fc.record(
          {
            id: person,
            name: opt(fuzzText),
            email: opt(fc.constantFrom('pat@example.com', 'a@b.c', '', 'not-an-email', 'ünï@例え.jp')),
            role: opt(fc.constantFrom('end-user', 'agent', 'admin', 'light-agent', '')),
            tags: opt(tagList),
            user_fields: opt(
              fc.dictionary(
                fc.constantFrom('account_id', 'title', 'plan', 'account_number'),
                fc.oneof(fuzzText, fc.jsonValue({ maxDepth: 1 })),
              ),
            ),
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 5 },
      ),
    ),
    organization: opt(
      fc.record({ id: opt(fc.constant(7)), name: opt(fuzzText), tags: opt(tagList) }, { requiredKeys: [] }),
    ),
    requester_tickets: opt(
      fc.array(
        fc.record(
          {
            id: opt(fc.integer({ min: 1, max: 99 })),
            tags: opt(tagList),
            created_at: opt(oddDate),
            subject: opt(fuzzText),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    similar_recent_tickets: opt(fc.nat(40)),
    agent_checklist: opt(
      fc.record(
        {
          troubleshooting_done: opt(fc.boolean()),
          info_complete: opt(fc.boolean()),
          known_issue_with_workaround: opt(fc.boolean()),
          only_wants_manager: opt(fc.boolean()),
          port_in_info_verified: opt(fc.boolean()),
        },
        { requiredKeys: [] },
      ),
    ),
    settings: opt(
      fc.record(
        {
          category_field_id: opt(fieldIds),
          refund_amount_field_id: opt(fieldIds),
          vip_tags: opt(
            fc.oneof(fc.constantFrom('vip, influencer', 'VIP,,press', ''), fc.array(fc.string())),
          ),
          refund_threshold: opt(fc.oneof(fc.nat(500), fc.constantFrom('100', ' 50 '))),
          stuck_hours: opt(fc.oneof(fc.nat(200), fc.constant('72'))),
          slo_risk_hours: opt(fc.nat(100)),
          outage_threshold: opt(fc.nat(30)),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['ticket'] },
);

/** The words of a text, for comparing a message with what it may contain. */
const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The fixed Trust & Safety and media messages' own words, in both channel variants. */
const FIXED_MESSAGE_WORDS = (() => {
  const words = new Set<string>(['name', 'email', 'ticket', 'id', 'agent']);
  for (const channel of ['chat', 'email']) {
    const appeal = sample([customer('My line was suspended and I want to appeal this.')], {
      channel,
      tags: ['account_suspended'],
    });
    const press = sample(
      [customer("I'm a reporter with the Daily Ledger writing a story about your outage.")],
      {
        channel,
      },
    );
    for (const b of [appeal, press]) for (const w of tokens(decide(b).customer_message)) words.add(w);
  }
  // The sample's own people and reference are not template words.
  for (const w of tokens('Sam Lee sam@example.com Ana Ruiz 777001')) words.delete(w);
  return words;
})();

/** Every text a decision carries out of the engine, one string: note, message, alert, reasons, blockers. */
const outputsOf = (d: Decision): string => JSON.stringify(d);

describe(`the fuzz: ${FUZZ_RUNS.toLocaleString('en')} generated bundles (seed ${FUZZ_SEED})`, () => {
  it('the fixed messages the Trust & Safety check compares with are the ones the engine writes', () => {
    expect(FIXED_MESSAGE_WORDS.has('specialized')).toBe(true);
    expect(FIXED_MESSAGE_WORDS.has('media')).toBe(true);
    expect(FIXED_MESSAGE_WORDS.has('sam')).toBe(false);
  });

  it('parser and engine never throw, are deterministic, mask every planted number and keep T&S secrets', () => {
    const seen = { parsed: 0, refused: 0, escalated: 0, trustSafety: 0, withSecrets: 0, huge: 0 };
    fc.assert(
      fc.property(fuzzBundle, (raw) => {
        const parsed = parseBundle(raw);
        expect(parseBundle(structuredClone(raw))).toEqual(parsed);
        if (!parsed.ok) {
          seen.refused += 1;
          // A refusal names where the problem is and what was found there.
          expect(parsed.error).toMatch(/\(got .+\)$|no "ticket"|expected a JSON object/su);
          return;
        }
        seen.parsed += 1;
        if (JSON.stringify(raw).length > 100_000) seen.huge += 1;
        const bundle = parsed.bundle;
        const d = decide(bundle);
        expect(decide(structuredClone(bundle))).toEqual(d);
        expect(['low', 'medium', 'high', 'critical']).toContain(d.urgency);
        if (!d.escalate) expect(d.tags).toEqual([]);
        if (d.urgent_alert) expect(d.tags).toContain('priority_high');
        expect(d.urgent_alert_text !== null).toBe(d.urgent_alert);
        if (d.escalate) seen.escalated += 1;

        // Every reason points at what produced it.
        for (const r of d.reasons) {
          expect(r.sources.length, r.rule).toBeGreaterThan(0);
          expect(r.evidence.trim(), r.rule).not.toBe('');
        }

        // No planted account or card number leaves the engine unmasked, in any output.
        const out = outputsOf(d);
        if (SECRETS.some((s) => JSON.stringify(raw).includes(s.written))) seen.withSecrets += 1;
        expect(leakedSecrets(out)).toEqual([]);
        expect(d.wording.filter((w) => w.kind === 'unmasked_number')).toEqual([]);

        // The Trust & Safety message: fixed words plus the customer's name, email, reference and the agent.
        if (d.escalate && d.targets[0] === 'trust_safety') {
          seen.trustSafety += 1;
          const f = route(bundle).facts;
          const allowed = new Set([
            ...FIXED_MESSAGE_WORDS,
            ...tokens(maskSensitive(f.requesterName ?? '')),
            ...tokens(f.requesterEmail.value ?? ''),
            ...tokens(maskSensitive(f.agentName ?? '')),
            ...tokens(f.ticketId ?? ''),
          ]);
          const foreign = tokens(d.customer_message).filter((w) => !allowed.has(w));
          expect(foreign).toEqual([]);
          const lower = d.customer_message.toLowerCase();
          const names =
            `${f.requesterName ?? ''} ${f.agentName ?? ''} ${f.requesterEmail.value ?? ''}`.toLowerCase();
          for (const w of FLAG_WORDS) if (!names.includes(w)) expect(lower).not.toContain(w);
          for (const r of d.reasons) {
            expect(d.customer_message).not.toContain(r.guide_row);
            expect(d.customer_message).not.toContain(r.rule);
          }
        }
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    // The run reached every path: refused input, parsed input, escalations, Trust & Safety, planted numbers.
    expect(seen.refused).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(seen.parsed).toBeGreaterThan(FUZZ_RUNS / 4);
    expect(seen.escalated).toBeGreaterThan(FUZZ_RUNS / 20);
    expect(seen.trustSafety).toBeGreaterThan(FUZZ_RUNS / 100);
    expect(seen.withSecrets).toBeGreaterThan(FUZZ_RUNS / 4);
    expect(seen.huge).toBeGreaterThan(5);
    console.info(`fuzz (seed ${FUZZ_SEED}): ${JSON.stringify(seen)}`);
  }, 300_000);
});
