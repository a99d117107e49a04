/** decide never throws and is deterministic on arbitrary bundles; parseBundle never throws on any JSON. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle, type Bundle } from './bundle';
import { decide } from './decide';

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

describe('decide on arbitrary bundles', () => {
  it('never throws, always answers in shape, and is deterministic', () => {
    fc.assert(
      fc.property(bundle, (b) => {
        const first = decide(b);
        expect(typeof first.escalate).toBe('boolean');
        expect(['low', 'medium', 'high', 'critical']).toContain(first.urgency);
        if (!first.escalate) expect(first.tags).toEqual([]);
        if (first.urgent_alert) expect(first.tags).toContain('priority_high');
        expect(decide(structuredClone(b))).toEqual(first);
      }),
      { numRuns: 600 },
    );
  });

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
