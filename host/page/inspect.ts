/**
 * The host page's test hook, published as `window.escalationHost`: the open ticket exactly as the fake
 * Zendesk stores it, with every write and request it saw, and a way to queue any fault. The page's views
 * show the same things for a person; this gives them as data, so a browser test can assert the final
 * ticket state exactly instead of reading it back from the page's text.
 */
import type { Comment, Ticket } from '../../fake/types';
import type { RequestMatcher } from '../../fake/faults';
import type { FaultSpec, HoldRelease, RequestRecord, WriteRecord } from '../../fake/zendesk';
import { describeFault } from './logs';
import type { Session } from './session';
import type { ReceivedRecord, ServiceFault } from '../../fake/services/proxy';
import type { ServiceName } from '../../fake/services/types';
import type { SlackMessage } from '../../fake/services/slack';
import type { PagerDutyIncident } from '../../fake/services/pagerduty';
import type { JiraIssue } from '../../fake/services/jira';
import type { CarrierRequest } from '../../fake/services/carrier';
import type { SecureSettings } from './proxy';

/** The open ticket and what happened to it, as plain data (it crosses into the test through JSON). */
export interface HostState {
  /** The open case, e.g. `shared/01-port-in-rejected-four-times.json`. */
  readonly caseId: string;
  readonly ticketId: number;
  /** The ticket as stored: saved writes only, not the agent's unsaved edits in the form. */
  readonly ticket: Ticket;
  /** The ticket's comments as stored, oldest first. */
  readonly comments: readonly Comment[];
  /** Tickets created by a `POST /api/v2/tickets` (linked tickets for other teams), as stored. */
  readonly createdTickets: readonly { readonly ticket: Ticket; readonly comments: readonly Comment[] }[];
  /** Every applied write, oldest first: the app's requests and other agents' edits. */
  readonly writes: readonly WriteRecord[];
  /** Every answered request, oldest first, with its status and the fault that hit it. */
  readonly requests: readonly RequestRecord[];
  /** Faults queued and not yet used, in the words the page shows them. */
  readonly pendingFaults: readonly string[];
  /** `metadata().settings` as the app receives them. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Whether the app in the sidebar has registered (finished the ZAF handshake). */
  readonly appRegistered: boolean;
  /** What the hand-off services behind Zendesk's proxy received, and what each holds now. */
  readonly handoffs: {
    readonly received: readonly ReceivedRecord[];
    readonly slack: readonly SlackMessage[];
    readonly pagerduty: readonly PagerDutyIncident[];
    readonly jira: readonly JiraIssue[];
    readonly carrier: readonly CarrierRequest[];
  };
  /** Every `client.request` options object exactly as the app's frame sent it. */
  readonly appRequests: readonly unknown[];
  /** The ticket fields the app's install created, by requirements.json identifier (none without one). */
  readonly installedFields: Readonly<Record<string, number>>;
}

/** What `window.escalationHost` offers. */
export interface HostTestApi {
  /** The open ticket's state, or null while no ticket is open. */
  state(): HostState | null;
  /** Queues a fault on the open ticket's fake, as the Network controls do but with any fault. */
  failNext(fault: FaultSpec): void;
  /** Drops every queued fault (a lost network comes back), as the Clear faults control does. */
  clearFaults(): void;
  /**
   * Holds the next write matching `match` (any write by default) before it reaches Zendesk, until
   * `release`. It is held once it leaves the queue (`state().pendingFaults` no longer lists it).
   */
  hold(match?: RequestMatcher): void;
  /** Lets every held request go: `deliver` hands it to Zendesk, `drop` loses it (a network error). */
  release(how: HoldRelease): void;
  /**
   * Reloads the sidebar's iframe, as the agent's browser reloading would: the app starts again on the
   * same ticket, whose stored state is kept. Resolves once the new app instance has registered.
   */
  reloadApp(): Promise<void>;
  /** Queues a fault for a hand-off service's next request. */
  failNextHandoff(service: ServiceName, fault: ServiceFault): void;
  /** The installation's secure settings as the host keeps them (never given to the app). */
  secureSettings(): Readonly<Record<string, string>>;
}

declare global {
  interface Window {
    /** The host page's test hook (host/page/inspect.ts). */
    escalationHost?: HostTestApi;
  }
}

/** What the hook reads from the page. */
export interface InspectedPage {
  session(): Session | null;
  caseId(): string | null;
  settings(): Readonly<Record<string, unknown>>;
  /** Reloads the app's iframe; resolves when the app registered again. */
  reloadApp(): Promise<void>;
  readonly secure?: SecureSettings;
}

/** The hook over the page's open session. */
export function createTestApi(page: InspectedPage): HostTestApi {
  const open = (): { session: Session; caseId: string } | null => {
    const session = page.session();
    const caseId = page.caseId();
    return session === null || caseId === null ? null : { session, caseId };
  };
  const holds: ((how: HoldRelease) => void)[] = [];
  const withOpen = (what: string): Session => {
    const current = open();
    if (current === null) throw new Error(`Open a ticket before ${what}.`);
    return current.session;
  };
  return {
    state() {
      const current = open();
      if (current === null) return null;
      const { session, caseId } = current;
      const { fake, ticketId } = session;
      const ticket = fake.ticket(ticketId);
      if (ticket === undefined) throw new Error(`The open ticket ${ticketId} is not in the fake Zendesk.`);
      const writes = fake.writes();
      const createdIds = [
        ...new Set(writes.filter((write) => write.method === 'POST').map((write) => write.ticketId)),
      ];
      return structuredClone({
        caseId,
        ticketId,
        ticket,
        comments: fake.comments(ticketId),
        createdTickets: createdIds.flatMap((id) => {
          const created = fake.ticket(id);
          return created === undefined ? [] : [{ ticket: created, comments: fake.comments(id) }];
        }),
        writes,
        requests: fake.requests(),
        pendingFaults: fake.pendingFaults().map(describeFault),
        settings: page.settings(),
        appRegistered: session.host.isRegistered(),
        handoffs: {
          received: session.services.proxy.received(),
          slack: session.services.slack.messages(),
          pagerduty: session.services.pagerduty.incidents(),
          jira: session.services.jira.issues(),
          carrier: session.services.carrier.requests(),
        },
        appRequests: session.appRequests,
        installedFields: session.installed?.ticket_fields ?? {},
      });
    },
    failNext(fault) {
      withOpen('queueing a fault').failNext(fault);
    },
    clearFaults() {
      withOpen('clearing faults').clearFaults();
    },
    hold(match) {
      const session = withOpen('holding a request');
      const until = new Promise<HoldRelease>((resolve) => holds.push(resolve));
      session.failNext({ kind: 'hold', until, ...(match === undefined ? {} : { match }) });
    },
    release(how) {
      for (const resolve of holds.splice(0)) resolve(how);
    },
    reloadApp() {
      withOpen('reloading the app');
      return page.reloadApp();
    },
    failNextHandoff(service, fault) {
      const current = open();
      if (current === null) throw new Error('Open a ticket before queueing a fault.');
      current.session.services.proxy.failNext(service, fault);
    },
    secureSettings: () => page.secure?.get() ?? {},
  };
}
