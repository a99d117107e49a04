/**
 * The host's side of the hand-offs: Zendesk's proxy and the local stand-ins for Slack, PagerDuty, Jira
 * and the carrier webhook (fake/services), the account's business-hours schedules, and the panel that
 * shows what each service received. The installation's secure settings live here and only here: never
 * in `metadata().settings`, never in the app's frame.
 */
import { weekdayIntervals, type BusinessSchedule } from '../../fake/schedules';
import { LOCAL_SECURE_SETTINGS, createLocalServices, type LocalServices } from '../../fake/services/local';
import type { ReceivedRecord, ServiceFault } from '../../fake/services/proxy';
import { SERVICE_NAMES, type ServiceName } from '../../fake/services/types';
import { byId, el, trimList } from './dom';

const schedule = (id: number, name: string, intervals: BusinessSchedule['intervals']): BusinessSchedule => ({
  id,
  name,
  time_zone: 'Pacific Time (US & Canada)',
  intervals,
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
  holidays: [{ id: 1, name: 'Christmas Day', start_date: '2026-12-25', end_date: '2026-12-25' }],
});

/**
 * The local account's schedules, the default first. Pick one with the setting
 * `business_hours_schedule_id` to rehearse an urgent case in or outside business hours.
 */
export const LOCAL_SCHEDULES: readonly BusinessSchedule[] = [
  schedule(31000000001, 'Support hours', weekdayIntervals(9, 17)),
  schedule(31000000002, 'Always open', [{ start_time: 0, end_time: 7 * 1440 }]),
  schedule(31000000003, 'Always closed', []),
];

/** The manifest's `domainWhitelist`, or none. */
export function domainWhitelist(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null || !('domainWhitelist' in manifest)) return [];
  const list = manifest.domainWhitelist;
  return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The host's secure settings, editable on the page; the local defaults until changed. */
export class SecureSettings {
  private values: Record<string, string> = { ...LOCAL_SECURE_SETTINGS };

  get(): Readonly<Record<string, string>> {
    return { ...this.values };
  }

  /** Replaces them from JSON text; throws a TypeError naming what is wrong. */
  setJson(text: string): void {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new TypeError('Secure settings must be a JSON object of setting names and text values.');
    }
    const entries = Object.entries(parsed);
    const bad = entries.find(([, value]) => typeof value !== 'string');
    if (bad !== undefined) throw new TypeError(`Secure setting ${bad[0]} must be text.`);
    this.values = Object.fromEntries(entries);
  }

  reset(): void {
    this.values = { ...LOCAL_SECURE_SETTINGS };
  }
}

/** The proxy and services for one open ticket. */
export function servicesFor(
  manifest: unknown,
  secure: () => Readonly<Record<string, string>>,
  onReceived: (record: ReceivedRecord) => void,
): LocalServices {
  return createLocalServices({ whitelist: domainWhitelist(manifest), secureSettings: secure, onReceived });
}

/** One received request in the panel. */
export function logReceived(list: HTMLElement, record: ReceivedRecord): void {
  const who = record.service ?? 'refused by the proxy';
  const fault = record.fault === null ? '' : ` (injected: ${record.fault})`;
  const item = el(
    'li',
    { className: record.status >= 400 || record.status === 0 ? 'lost' : '' },
    document.createTextNode(
      `#${String(record.sequence)} ${who}: ${record.method} ${record.url} → ${String(record.status)}${fault}`,
    ),
    el('pre', { className: 'summary', text: JSON.stringify(record.body, null, 2) }),
    el('span', { className: 'summary', text: `answered ${JSON.stringify(record.answer)}` }),
  );
  item.dataset.service = record.service ?? 'proxy';
  list.append(item);
  trimList(list, 200);
}

/** A queued service fault in words. */
export function describeServiceFault(service: ServiceName, fault: ServiceFault): string {
  return fault.kind === 'lost'
    ? `${service}: the next request lands, its answer is lost`
    : `${service}: the next request fails with ${String(fault.status)}`;
}

/** Reads the fault controls: `<select id="handoff-service">` and `<select id="handoff-fault">`. */
export function readServiceFault(
  service: string,
  fault: string,
): { service: ServiceName; fault: ServiceFault } {
  const name = SERVICE_NAMES.find((candidate) => candidate === service);
  if (name === undefined) throw new RangeError(`No service ${service}.`);
  if (fault === 'lost') return { service: name, fault: { kind: 'lost' } };
  const status = Number(fault);
  if (!Number.isInteger(status) || status < 400) throw new RangeError(`No fault ${fault}.`);
  return { service: name, fault: { kind: 'status', status } };
}

/** What the hand-off panel needs from the page. */
export interface HandoffPanelPage {
  services(): LocalServices | null;
  readonly secure: SecureSettings;
  /** Opens the ticket again, so the new secure settings take effect from a fresh start. */
  reopen(): void;
}

/** Wires the panel's fault and secure-settings controls. */
export function wireHandoffPanel(page: HandoffPanelPage): void {
  const service = byId('handoff-service', HTMLSelectElement);
  const fault = byId('handoff-fault', HTMLSelectElement);
  const pending = byId('handoff-faults', HTMLUListElement);
  const secureJson = byId('secure-json', HTMLTextAreaElement);
  const error = byId('secure-error', HTMLOutputElement);
  const showPending = (): void => {
    const queued = page.services()?.proxy.pendingFaults() ?? [];
    pending.replaceChildren(
      ...queued.map((entry) => el('li', { text: describeServiceFault(entry.service, entry.fault) })),
    );
  };
  secureJson.value = JSON.stringify(page.secure.get(), null, 2);
  byId('handoff-fault-queue', HTMLButtonElement).addEventListener('click', () => {
    error.textContent = '';
    const services = page.services();
    if (services === null) {
      error.textContent = 'Open a ticket first.';
      return;
    }
    const chosen = readServiceFault(service.value, fault.value);
    services.proxy.failNext(chosen.service, chosen.fault);
    showPending();
  });
  byId('secure-apply', HTMLButtonElement).addEventListener('click', () => {
    error.textContent = '';
    try {
      page.secure.setJson(secureJson.value);
      page.reopen();
    } catch (problem) {
      error.textContent = problem instanceof Error ? problem.message : String(problem);
    }
  });
  byId('secure-reset', HTMLButtonElement).addEventListener('click', () => {
    page.secure.reset();
    secureJson.value = JSON.stringify(page.secure.get(), null, 2);
    page.reopen();
  });
  // A request uses a queued fault up: keep the list current.
  setInterval(showPending, 500);
}
