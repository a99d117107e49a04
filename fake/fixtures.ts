/**
 * Builders for tests that run against the fake Zendesk: a small bundle in the case-file format, and
 * request helpers that send what the sidebar sends through ZAF's `client.request`.
 */
import type { SeedBundleInput, Ticket } from './types';
import type { FakeResponse, FakeZendesk } from './zendesk';

/** The issue-category field id the shared cases use. */
export const CATEGORY_FIELD_ID = 27493018462210;
/** The clock the fixture bundle was written for. */
export const FIXTURE_NOW = '2025-08-20T23:10:00Z';
/** Ticket, requester and agent ids of the fixture bundle. */
export const FIXTURE_IDS = {
  ticket: 433871,
  requester: 24810401172263,
  agent: 21937465350021,
  group: 22871930461209,
};

/** A network-outage ticket with two comments, its requester and agent, and `similar` recent tickets. */
export function outageBundle(similar = 0): SeedBundleInput {
  return {
    now: FIXTURE_NOW,
    ticket: {
      id: FIXTURE_IDS.ticket,
      subject: 'No service since 5pm - outage?',
      description: 'We have had NO service since about 5pm.',
      status: 'open',
      priority: 'normal',
      type: 'incident',
      tags: ['no_service', 'outage'],
      via: { channel: 'web' },
      created_at: '2025-08-20T22:34:00Z',
      updated_at: '2025-08-20T22:49:00Z',
      requester_id: FIXTURE_IDS.requester,
      organization_id: null,
      group_id: FIXTURE_IDS.group,
      assignee_id: FIXTURE_IDS.agent,
      custom_fields: [
        { id: CATEGORY_FIELD_ID, value: 'network' },
        { id: 27493018469957, value: null },
      ],
    },
    comments: [
      {
        id: 28004338710200,
        author_id: FIXTURE_IDS.requester,
        body: 'We have had NO service since about 5pm.',
        public: true,
        created_at: '2025-08-20T22:34:00Z',
      },
      {
        id: 28004338710313,
        author_id: FIXTURE_IDS.agent,
        body: '17 other no-service tickets in last 24h.',
        public: false,
        created_at: '2025-08-20T22:46:00Z',
      },
    ],
    users: [
      { id: FIXTURE_IDS.requester, name: 'Brenda Kowalski', email: 'bkowalski61@aol.com', role: 'end-user' },
      { id: FIXTURE_IDS.agent, name: 'Tomasz Nowak', email: 'tomasz.nowak@meowmobile.com', role: 'agent' },
    ],
    organization: null,
    similar_recent_tickets: similar,
    settings: { category_field_id: CATEGORY_FIELD_ID },
  };
}

/** GETs `url` as the sidebar does; tests cast the body to the REST shape they expect. */
export function get(fake: FakeZendesk, url: string): Promise<FakeResponse> {
  return fake.request({ url, type: 'GET' });
}

/** PUTs `{ ticket }` to the ticket the way the sidebar does: a JSON string with a JSON content type. */
export function putTicket(
  fake: FakeZendesk,
  ticketId: number,
  ticket: Record<string, unknown>,
): Promise<FakeResponse> {
  return fake.request({
    url: `/api/v2/tickets/${ticketId}.json`,
    type: 'PUT',
    contentType: 'application/json',
    data: JSON.stringify({ ticket }),
  });
}

/** The `{ ticket }` of a ticket answer. */
export function ticketIn(response: FakeResponse): Ticket {
  return (response.body as { ticket: Ticket }).ticket;
}

/** The `{ error }` of an error answer. */
export function errorIn(response: FakeResponse): { error: string; description: string } {
  return response.body as { error: string; description: string };
}
