import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundle, type Bundle } from './bundle';
import { decide } from './decide';
import { customer, note, sample } from './sample';

const SHARED = join(import.meta.dirname, '../../../shared/cases');
const OWN = join(import.meta.dirname, '../../cases');
const all: { file: string; bundle: Bundle }[] = [SHARED, OWN].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => {
      const parsed = parseBundle(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
      return { file, bundle: parsed.bundle };
    }),
);

const texts = (b: Bundle) => [
  b.ticket.subject ?? '',
  b.ticket.description ?? '',
  ...(b.comments ?? []).map((c) => c.body ?? ''),
];

describe('channel variants', () => {
  const refund = [customer('Please refund the duplicate $150 charge.')];
  it.each(['chat', 'native_messaging', 'messaging'])('%s gets the chat text', (channel) => {
    const m = decide(sample(refund, { refund: 150, channel })).customer_message;
    expect(m).toContain("I'm bringing in a senior specialist");
    expect(m).not.toContain('Best,');
  });

  it.each(['email', 'web', 'api', 'something_new', ''])('"%s" gets the email text', (channel) => {
    const m = decide(sample(refund, { refund: 150, channel })).customer_message;
    // No "Subject:" line: a reply goes out on the ticket's own email thread, under its subject.
    expect(m).toMatch(/^Hi Sam,\n\nThank you for your patience/);
    expect(m).toContain('Your reference number is: 777001');
    expect(m).toContain('Ana Ruiz');
  });

  it('names the carrier, the timeframe and the customer in the carrier message', () => {
    const d = decide(
      sample(
        [
          customer('Moving my number from Verizon, it keeps getting rejected.'),
          note('Port rejected 3 times, details verified with cx.'),
        ],
        {
          checklist: { port_in_info_verified: true },
        },
      ),
    );
    expect(d.customer_message).toContain('coordination with Verizon');
    expect(d.customer_message).toContain('2-3 business days');
    expect(d.customer_message).toContain('Hi Sam');
  });
});

describe('placeholders, never inventions', () => {
  it('leaves what the ticket does not say as a visible [placeholder]', () => {
    const d = decide(sample([customer('Please refund the duplicate charge.')], { refund: 150 }));
    expect(d.note).toContain('Account ID: [account id]');
    expect(d.note).toContain('Account status: [account status]');
  });

  it('writes every section of the general template', () => {
    const d = decide(sample([customer('Please refund the duplicate charge.')], { refund: 150 }));
    for (const heading of [
      '## ESCALATION NOTE',
      '### Summary',
      '### Customer',
      '### Issue Details',
      '### What Customer Wants',
      '### What Was Tried',
      '### Why Escalating',
      '### Recommended Resolution',
      '### Urgency',
      '### Customer Sentiment',
    ])
      expect(d.note).toContain(heading);
    expect(d.note).toContain('- [x] Medium (within 24h)');
  });

  it('adds each path note for its team and the alert only on the urgent path', () => {
    const outage = decide(
      sample([customer('Outage! No service and all my neighbours are down too.')], {
        similar: 14,
        category: 'network',
      }),
    );
    expect(outage.note).toContain('## Engineering Escalation');
    expect(outage.note).toContain('## Carrier Escalation');
    expect(outage.urgent_alert_text).toMatch(/^@channel URGENT ESCALATION/);
    const refund = decide(sample([customer('Refund please.')], { refund: 150 }));
    expect(refund.urgent_alert_text).toBeNull();
    expect(refund.note).not.toContain('URGENT');
  });

  it('says what to do instead when not escalating', () => {
    const d = decide(
      sample([customer('escalate this to your engineers')], { checklist: { troubleshooting_done: false } }),
    );
    expect(d.note).toContain('do not escalate yet');
  });
});

describe('what must never leak', () => {
  it.each(all)(
    '$file: no account or card number appears unmasked in the note or the message',
    ({ bundle }) => {
      const d = decide(bundle);
      const secrets = texts(bundle).flatMap((t) => t.match(/\b\d{12,19}\b/g) ?? []);
      for (const s of secrets) {
        expect(d.note).not.toContain(s);
        expect(d.customer_message).not.toContain(s);
      }
    },
  );

  it.each(all.filter(({ bundle }) => decide(bundle).targets[0] === 'trust_safety'))(
    '$file: the Trust & Safety message carries none of the internal notes\u2019 words',
    ({ bundle }) => {
      const d = decide(bundle);
      const internal = (bundle.comments ?? []).filter((c) => c.public === false).map((c) => c.body ?? '');
      const words = new Set(
        internal
          .join(' ')
          .toLowerCase()
          .match(/[a-z]{6,}/g) ?? [],
      );
      const message = d.customer_message.toLowerCase();
      // The fixed template's own words are allowed; anything else from an internal note is a leak.
      const template = new Set(
        "i've submitted your case to our specialized review team they handle these situations with extra care you'll hear back at within hours please check your inbox and spam folder included everything you've shared with me in the review request reference number meow mobile support".match(
          /[a-z]{6,}/g,
        ) ?? [],
      );
      const leaked = [...words].filter(
        (w) =>
          message.includes(w) &&
          !template.has(w) &&
          !(bundle.users ?? []).some((u) => `${u.name ?? ''} ${u.email ?? ''}`.toLowerCase().includes(w)),
      );
      expect(leaked).toEqual([]);
    },
  );
});
