/**
 * One open ticket with one app instance in its sidebar: a fresh fake Zendesk seeded with the case, the
 * agent's ticket form, the ZAF host serving the iframe, and the change events that keep the app told.
 * A fresh fake per ticket keeps cases apart (one case's 17 similar outage tickets must not count in
 * another's search). DOM-free: the page hands in the windows and the UI callbacks.
 */
import {
  createFakeZendesk,
  type FakeZendesk,
  type FakeZendeskEvent,
  type FaultSpec,
  type SeedReport,
} from '../../fake/zendesk';
import type { CustomFieldValue } from '../../fake/types';
import { agentFor, bundleGroupIds, CUSTOM_STATUSES, organizationOf, TEAM_GROUPS } from './account';
import type { CaseEntry } from './catalog';
import { changeEvents, type Snapshot } from './events';
import { TicketForm, type SaveResult } from './form';
import { zafTicket, type Directory, type ZafGroup } from '../../fake/zaf-objects';
import { sendRequest } from './requests';
import { LOCAL_SCHEDULES, servicesFor } from './proxy';
import type { LocalServices } from '../../fake/services/local';
import type { ReceivedRecord } from '../../fake/services/proxy';
import { createSidebarApi, type SidebarUi } from './sidebar';
import { installApp, INSTALLATION_ID, placeInstalledFields } from './install';
import { installedRequirement, type InstalledIds } from '../../fake/install';
import {
  createZafHost,
  type AppWindow,
  type HookOutcome,
  type ListeningWindow,
  type ProtocolLogEntry,
  type ZafHost,
} from './zaf';

/** The account's subdomain as `context().account.subdomain` reports it. */
export const SUBDOMAIN = 'local';

/** What a session needs from the page. */
export interface SessionOptions {
  readonly entry: CaseEntry;
  /** `metadata().settings`, read at every handshake. */
  readonly settings: () => Readonly<Record<string, unknown>>;
  readonly listenOn: ListeningWindow;
  readonly app: AppWindow;
  readonly appOrigin: string;
  readonly appGuid: string;
  readonly ui: SidebarUi;
  readonly latencyMs: number;
  /** How long Submit waits for the app's answer to `ticket.save`, read at each Submit. */
  readonly hookTimeoutMs: () => number;
  /** The ticket or the form changed: redraw. */
  readonly onChange: () => void;
  /** Each write and request the fake saw, for the page's logs. */
  readonly onFakeEvent: (event: FakeZendeskEvent) => void;
  readonly log: (entry: ProtocolLogEntry) => void;
  readonly onRegistered?: () => void;
  /** The fake's clock; default the real one. */
  readonly now?: () => number;
  /** The app package's requirements.json, installed before the ticket is seeded; null or absent: none. */
  readonly requirements?: unknown;
  /** The signed-in agent's role (e.g. `admin`); default the case's assignee's, else `agent`. */
  readonly role?: string;
  /** The app package's manifest (its domainWhitelist); null for a test app without one. */
  readonly manifest?: unknown;
  /** The installation's secure settings, which only the proxy reads. */
  readonly secureSettings?: () => Readonly<Record<string, string>>;
  /** Each request a hand-off service received, for the page's panel. */
  readonly onHandoff?: (record: ReceivedRecord) => void;
}

/** How a Submit ended: the app's answer to the hook, and the save when there was one. */
export interface SubmitResult {
  readonly hook: HookOutcome;
  readonly save: SaveResult | null;
}

/** One ticket and its app. */
export class Session {
  readonly fake: FakeZendesk;
  readonly form: TicketForm;
  readonly host: ZafHost;
  readonly seed: SeedReport;
  readonly ticketId: number;
  readonly agent: { readonly id: number; readonly name: string };
  readonly directory: Directory;
  /** What installing the app's requirements.json created, or null when the package has none. */
  readonly installed: InstalledIds | null;
  /** Zendesk's proxy and the hand-off services behind it (host/page/proxy.ts). */
  readonly services: LocalServices;
  /** Every `client.request` options object exactly as the app's frame sent it. */
  readonly appRequests: unknown[] = [];
  private latencyMs: number;
  private last: Snapshot;
  private readonly unsubscribe: () => void;

  /** Seeds the fake and starts listening; throws a TypeError naming the field when the bundle is invalid. */
  constructor(private readonly options: SessionOptions) {
    const { entry } = options;
    this.latencyMs = options.latencyMs;
    this.agent = agentFor(entry.bundle);
    this.fake = createFakeZendesk({
      currentUser: {
        ...agentFor(entry.bundle),
        ...(options.role === undefined ? {} : { role: options.role }),
      },
      groups: TEAM_GROUPS.map(({ id, name }) => ({ id, name })),
      customStatuses: CUSTOM_STATUSES,
      schedules: LOCAL_SCHEDULES,
      latencyMs: options.latencyMs,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    // The app was installed before this ticket came in: its fields exist and may hold the ticket's values.
    this.installed = installApp(this.fake, options.requirements ?? null);
    this.seed = this.fake.seed(placeInstalledFields(entry.bundle, this.installed), {
      shiftTimesToClock: true,
    });
    this.ticketId = this.seed.ticketId;
    this.directory = directoryFor(this.fake, entry.bundle);
    this.services = servicesFor(
      options.manifest ?? null,
      options.secureSettings ?? (() => ({})),
      options.onHandoff ?? (() => undefined),
    );
    this.form = new TicketForm(this.fake, this.ticketId, { latencyMs: () => this.latencyMs });
    this.last = this.snapshot();

    this.unsubscribe = this.fake.subscribe((event) => {
      options.onFakeEvent(event);
      // A write changes what the app reads, whoever made it (the app's own REST call included).
      if (event.type === 'write') this.sync();
    });

    const api = createSidebarApi({
      form: this.form,
      directory: this.directory,
      currentUserId: this.agent.id,
      subdomain: SUBDOMAIN,
      ui: options.ui,
      change: (mutate) => {
        mutate();
        this.sync();
      },
      requirement: (path) => installedRequirement(this.fake.resources, INSTALLATION_ID, path),
    });
    this.host = createZafHost({
      listenOn: options.listenOn,
      app: options.app,
      appOrigin: options.appOrigin,
      appGuid: options.appGuid,
      registration: () => ({
        metadata: {
          appId: 1,
          installationId: INSTALLATION_ID,
          name: 'Escalation Guide',
          settings: { ...options.settings() },
        },
        context: {
          product: 'support',
          location: 'ticket_sidebar',
          instanceGuid: options.appGuid,
          ticketId: this.ticketId,
          account: { subdomain: SUBDOMAIN },
        },
      }),
      api,
      request: (raw) => {
        this.appRequests.push(structuredClone(raw));
        return sendRequest(raw, {
          fake: this.fake,
          proxy: (request) => this.services.proxy.request(request, this.fake.origin),
          onRetry: (url, seconds) => {
            options.log({
              direction: 'note',
              summary: `429 on ${url}: retrying after ${seconds} s (autoRetry)`,
            });
          },
        });
      },
      log: options.log,
      ...(options.onRegistered === undefined ? {} : { onRegistered: options.onRegistered }),
    });
  }

  /** What the app can read now. */
  snapshot(): Snapshot {
    const ticket = this.form.current();
    const customFields = new Map<number, CustomFieldValue>(
      ticket.custom_fields.map((field) => [field.id, field.value]),
    );
    return {
      ticket: zafTicket(ticket, this.form.comments(), this.directory),
      customFields,
      editor: { ...this.form.editor },
    };
  }

  /** Fires the change events since the last sync and redraws. */
  sync(): void {
    const next = this.snapshot();
    for (const event of changeEvents(this.last, next)) this.host.trigger(event.name, event.payload);
    this.last = next;
    this.options.onChange();
  }

  /** The page's editor changed (the agent typed): same events as when the app changes it. */
  editorChanged(): void {
    this.sync();
  }

  /**
   * Another agent saves a change (a PUT's `ticket` object: `additional_tags`, `status`, `comment`,
   * `custom_fields`...). It moves `updated_at`, so the app's next `safe_update` from an older read gets 409.
   */
  otherAgentEdit(change: Readonly<Record<string, unknown>>): void {
    this.fake.simulateConcurrentEdit(this.ticketId, change);
  }

  /** Submit: asks the app through `ticket.save`, and saves the form when it allows (or does not listen). */
  async submit(): Promise<SubmitResult> {
    const hook = await this.host.runHook('ticket.save', this.options.hookTimeoutMs());
    // An app that never registered has not subscribed either: Zendesk saves without asking it.
    const goAhead = hook.kind === 'allowed' || hook.kind === 'no-listener' || hook.kind === 'not-registered';
    if (!goAhead) return { hook, save: null };
    const save = await this.form.save();
    this.sync();
    if (save.kind === 'saved') this.host.trigger('ticket.saved');
    return { hook, save };
  }

  /** Latency of every request from now on. */
  setLatency(ms: number): void {
    this.fake.setLatency(ms);
    this.latencyMs = ms;
  }

  failNext(fault: FaultSpec): void {
    this.fake.failNext(fault);
    this.options.onChange();
  }

  /** Drops every queued fault. */
  clearFaults(): void {
    this.fake.clearFaults();
    this.options.onChange();
  }

  /** Stops serving the iframe and listening to the fake. */
  stop(): void {
    this.host.stop();
    this.unsubscribe();
  }
}

/** Users from the fake, groups from the account and the bundle, the organization from the bundle. */
function directoryFor(fake: FakeZendesk, bundle: unknown): Directory {
  const groups = new Map<number, ZafGroup>(TEAM_GROUPS.map(({ id, name }) => [id, { id, name }]));
  // The fake names a group it seeds for a ticket `Group <id>`; say the same.
  for (const id of bundleGroupIds(bundle)) if (!groups.has(id)) groups.set(id, { id, name: `Group ${id}` });
  const organization = organizationOf(bundle);
  return {
    user: (id) => fake.user(id),
    group: (id) => groups.get(id),
    organization: (id) => (organization?.id === id ? organization : undefined),
    agentGroups: () => [...groups.values()],
  };
}
