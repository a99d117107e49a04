/**
 * Small bundles for tests, in the shapes of shared/cases/FORMAT.md: a customer, an agent and the
 * conversation as plain lines. Only tests import this module.
 */
import type { Bundle, Checklist } from './bundle';

export interface Line {
  from: 'customer' | 'agent';
  internal?: boolean;
  text: string;
}

export interface SampleOptions {
  subject?: string;
  channel?: string;
  hoursOpen?: number;
  status?: string;
  tags?: string[];
  requesterTags?: string[];
  email?: string | null;
  checklist?: Checklist;
  settings?: Bundle['settings'];
  similar?: number;
  refund?: number | string | null;
  category?: string | null;
}

export const NOW = '2025-06-01T12:00:00Z';
export const CUSTOMER_ID = 501;
export const AGENT_ID = 901;

export function sample(lines: readonly Line[], o: SampleOptions = {}): Bundle {
  const now = Date.parse(NOW);
  const created = new Date(now - (o.hoursOpen ?? 2) * 3_600_000).toISOString();
  const step = ((o.hoursOpen ?? 2) * 3_600_000) / (lines.length + 1);
  return {
    now: NOW,
    ticket: {
      id: 777001,
      subject: o.subject ?? 'Help with my line',
      description: lines[0]?.text ?? '',
      status: o.status ?? 'open',
      tags: o.tags ?? [],
      via: { channel: o.channel ?? 'email' },
      created_at: created,
      updated_at: NOW,
      requester_id: CUSTOMER_ID,
      assignee_id: AGENT_ID,
      custom_fields: [
        { id: 11, value: o.category ?? null },
        { id: 12, value: o.refund ?? null },
      ],
    },
    comments: lines.map((l, i) => ({
      id: 5000 + i,
      author_id: l.from === 'customer' ? CUSTOMER_ID : AGENT_ID,
      body: l.text,
      public: !(l.internal ?? false),
      created_at: new Date(Date.parse(created) + i * step).toISOString(),
    })),
    users: [
      {
        id: CUSTOMER_ID,
        name: 'Sam Lee',
        ...(o.email === null ? {} : { email: o.email ?? 'sam@example.com' }),
        role: 'end-user',
        tags: o.requesterTags ?? [],
        created_at: '2023-01-05T10:00:00Z',
      },
      { id: AGENT_ID, name: 'Ana Ruiz', email: 'ana@meow.example', role: 'agent', tags: [] },
    ],
    organization: null,
    similar_recent_tickets: o.similar ?? 0,
    agent_checklist: o.checklist ?? { troubleshooting_done: true, info_complete: true },
    settings: { category_field_id: 11, refund_amount_field_id: 12, ...o.settings },
  };
}

export const customer = (text: string): Line => ({ from: 'customer', text });
export const note = (text: string): Line => ({ from: 'agent', internal: true, text });
export const reply = (text: string): Line => ({ from: 'agent', text });
