/**
 * The local Zendesk host page: the sample tickets, the open ticket, the app in its sidebar iframe on
 * another origin, and the controls that make the fake Zendesk slow, failing or busy with other agents.
 * `?case=<id>` opens a case directly (e.g. `?case=shared/01-port-in-rejected-four-times.json`), and
 * `window.escalationHost` gives the open ticket's stored state as data (host/page/inspect.ts).
 */
import { defaultSettings, manifestParameters } from './account';
import type { CaseEntry, Catalog } from './catalog';
import { wireControls } from './controls';
import { byId, el } from './dom';
import { createTestApi } from './inspect';
import { clearLogs, describeFault, logFakeEvent, logProtocol, type Logs } from './logs';
import { openNavBar } from './navbar-page';
import { Session } from './session';
import { logReceived, SecureSettings, wireHandoffPanel } from './proxy';
import type { SidebarUi } from './sidebar';
import { renderTicket, type TicketView } from './view';

/** What `/config.json` answers. */
interface HostConfig {
  readonly appOrigin: string;
  readonly appPath: string;
  /** The app package's manifest.json, or null when the package has none (a test app). */
  readonly manifest: unknown;
  /** The app package's requirements.json, installed into each ticket's account; null when it has none. */
  readonly requirements?: unknown;
}

const toasts = byId('toasts', HTMLDivElement);
const appStatus = byId('app-status', HTMLDivElement);
const appSlot = byId('app-slot', HTMLDivElement);
const appAttention = byId('app-attention', HTMLParagraphElement);
const ticketError = byId('ticket-error', HTMLParagraphElement);
const saveOutcome = byId('save-outcome', HTMLOutputElement);
const changeError = byId('change-error', HTMLOutputElement);
const settingsJson = byId('settings-json', HTMLTextAreaElement);
const faultPending = byId('fault-pending', HTMLUListElement);
const latencyInput = byId('latency', HTMLInputElement);
// `?latency=100` opens with that many ms added to every REST call (npm run bench measures this way).
const latencyParam = new URLSearchParams(window.location.search).get('latency');
if (latencyParam !== null && /^\d+$/u.test(latencyParam)) latencyInput.value = latencyParam;
const hookTimeout = byId('hook-timeout', HTMLInputElement);
// `?role=admin` signs the agent in as an admin (who may read the app installation's requirements).
const roleParam = new URLSearchParams(window.location.search).get('role');
const handoffLog = byId('handoff-log', HTMLOListElement);
/** The installation's secure settings: the host keeps them; the app never sees them. */
const secure = new SecureSettings();

const view: TicketView = {
  subject: byId('ticket-subject', HTMLHeadingElement),
  props: byId('ticket-props', HTMLDListElement),
  unsaved: byId('ticket-unsaved', HTMLDivElement),
  conversation: byId('conversation', HTMLOListElement),
  editor: byId('editor', HTMLDivElement),
  editorText: byId('reply-editor', HTMLTextAreaElement),
  editorTypes: [...document.querySelectorAll<HTMLInputElement>('input[name="editor-type"]')],
  fieldSelect: byId('change-field', HTMLSelectElement),
};

const logs: Logs = {
  writes: byId('write-log', HTMLOListElement),
  requests: byId('request-log', HTMLOListElement),
  protocol: byId('protocol-log', HTMLOListElement),
};

interface State {
  config: HostConfig;
  /** How often the open ticket's app asked to come forward (`appsTray.show`). */
  comeForward: number;
  entries: readonly CaseEntry[];
  entry: CaseEntry | null;
  session: Session | null;
  frame: HTMLIFrameElement | null;
  /** Settings the tester applied; null means the open case's own. */
  settingsOverride: Record<string, unknown> | null;
}

const state: State = {
  config: { appOrigin: '', appPath: 'assets/index.html', manifest: null },
  comeForward: 0,
  entries: [],
  entry: null,
  session: null,
  frame: null,
  settingsOverride: null,
};

function currentSettings(): Record<string, unknown> {
  const { manifest } = state.config;
  return (
    state.settingsOverride ??
    defaultSettings(state.entry?.bundle, manifest === null ? null : manifestParameters(manifest))
  );
}

const ui: SidebarUi = {
  resize({ width, height }) {
    if (state.frame === null) return;
    if (height !== undefined) state.frame.style.height = height;
    if (width !== undefined) state.frame.style.width = width;
  },
  notify(message, kind, durationMs) {
    const toast = el('div', { className: `toast ${kind}`, text: message });
    toast.setAttribute('role', kind === 'error' || kind === 'alert' ? 'alert' : 'status');
    toast.addEventListener('click', () => {
      toast.remove();
    });
    toasts.append(toast);
    if (durationMs !== null)
      setTimeout(() => {
        toast.remove();
      }, durationMs);
  },
  appsTray(visible) {
    const at = new Date().toLocaleTimeString();
    if (!visible) {
      appAttention.textContent = `The app asked to hide the apps panel (appsTray.hide) at ${at}.`;
      return;
    }
    // In Zendesk this opens the apps panel when the agent has hidden it; here the app is always shown,
    // so the page says so and outlines the app for a moment.
    state.comeForward += 1;
    appAttention.textContent = `The app asked to come forward (appsTray.show) at ${at}: ${state.comeForward} time${state.comeForward === 1 ? '' : 's'} on this ticket.`;
    const aside = appSlot.closest('aside');
    aside?.classList.add('attention');
    setTimeout(() => aside?.classList.remove('attention'), 2000);
  },
  macro(id) {
    ui.notify(
      `The app applied macro ${id}. The local host has no macros, so the ticket is unchanged.`,
      'notice',
      5000,
    );
  },
};

function render(): void {
  const { session } = state;
  if (session === null) return;
  renderTicket(view, session, currentSettings());
  faultPending.replaceChildren(
    ...session.fake.pendingFaults().map((fault) => el('li', { text: describeFault(fault) })),
  );
  renderAppStatus();
}

function renderAppStatus(): void {
  const { session } = state;
  if (session === null) return;
  if (!session.host.isRegistered()) {
    appStatus.textContent = `Loading the app from ${state.config.appOrigin}/${state.config.appPath} …`;
    return;
  }
  const events = [...session.host.subscriptions()]
    .filter(([name, count]) => count > 0 && !name.startsWith('request:'))
    .map(([name]) => name);
  appStatus.textContent = `App registered. Listens to: ${events.length === 0 ? 'nothing yet' : events.join(', ')}.`;
}

/** Opens a case: a fresh fake, a fresh app iframe, fresh logs. */
function open(entry: CaseEntry): void {
  state.session?.stop();
  state.frame?.remove();
  afterRegistration.length = 0;
  state.session = null;
  state.entry = entry;
  clearLogs(logs);
  handoffLog.replaceChildren();
  state.comeForward = 0;
  appAttention.textContent = '';
  ticketError.textContent = '';
  saveOutcome.textContent = '';
  changeError.textContent = '';
  settingsJson.value = JSON.stringify(currentSettings(), null, 2);
  for (const button of document.querySelectorAll<HTMLButtonElement>('#case-list button')) {
    button.setAttribute('aria-current', String(button.dataset.caseId === entry.id));
  }
  const url = new URL(window.location.href);
  url.searchParams.set('case', entry.id);
  window.history.replaceState(null, '', url);

  const frame = el('iframe');
  frame.id = 'app-frame';
  frame.title = 'Escalation Guide app';
  appSlot.replaceChildren(frame);
  state.frame = frame;
  // The iframe's window exists once it is in the document; it stays the same object across navigations.
  const appWindow = frame.contentWindow;
  if (appWindow === null) throw new Error('The app iframe has no window.');
  const appGuid = crypto.randomUUID();
  try {
    state.session = new Session({
      entry,
      settings: currentSettings,
      listenOn: window,
      app: appWindow,
      appOrigin: state.config.appOrigin,
      appGuid,
      ui,
      latencyMs: Number(latencyInput.value) || 0,
      hookTimeoutMs: () => Math.max(1, Number(hookTimeout.value) || 30) * 1000,
      onChange: render,
      onFakeEvent: (event) => {
        logFakeEvent(logs, event);
      },
      log: (entry) => {
        logProtocol(logs, entry);
        renderAppStatus();
      },
      onRegistered,
      requirements: state.config.requirements ?? null,
      ...(roleParam === null ? {} : { role: roleParam }),
      manifest: state.config.manifest,
      secureSettings: () => secure.get(),
      onHandoff: (record) => {
        logReceived(handoffLog, record);
      },
    });
  } catch (error) {
    ticketError.textContent = `This case cannot be opened: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  if (state.session.seed.notes.length > 0) ticketError.textContent = state.session.seed.notes.join(' ');
  const query = new URLSearchParams({ origin: window.location.origin, app_guid: appGuid });
  frame.src = `${state.config.appOrigin}/${state.config.appPath}?${query.toString()}`;
  render();
}

/** Waiting for the app's next registration (a reloaded app registers again). */
const afterRegistration: (() => void)[] = [];

function onRegistered(): void {
  renderAppStatus();
  for (const resolve of afterRegistration.splice(0)) resolve();
}

/**
 * Reloads the app's iframe (as the agent's browser reloading would), keeping the ticket, its fake and
 * its logs; resolves once the new app instance has registered.
 */
function reloadApp(): Promise<void> {
  const { frame } = state;
  if (frame === null || state.session === null) return Promise.reject(new Error('No app is open.'));
  const registered = new Promise<void>((resolve) => afterRegistration.push(resolve));
  // Setting the src again navigates the frame anew; its window, and so the session's host, stay.
  frame.setAttribute('src', frame.src);
  return registered;
}

function renderCaseList(filter: string): void {
  const list = byId('case-list', HTMLUListElement);
  const needle = filter.trim().toLowerCase();
  const shown = state.entries.filter((entry) =>
    `${entry.id} ${entry.name} ${entry.subject}`.toLowerCase().includes(needle),
  );
  list.replaceChildren(
    ...shown.map((entry) => {
      const button = el(
        'button',
        { text: entry.name },
        el('small', { text: `${entry.subject} · ${entry.id}` }),
      );
      button.type = 'button';
      button.dataset.caseId = entry.id;
      button.setAttribute('aria-current', String(entry.id === state.entry?.id));
      button.addEventListener('click', () => {
        open(entry);
      });
      return el('li', {}, button);
    }),
  );
}

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}; is host/server.ts running?`);
  return response.json();
}

async function start(): Promise<void> {
  // Both answers come from host/server.ts, built from the same types; not outside data.
  state.config = (await fetchJson('/config.json')) as HostConfig;
  if (new URLSearchParams(window.location.search).get('location') === 'nav_bar') {
    openNavBar({
      appOrigin: state.config.appOrigin,
      manifest: state.config.manifest,
      latencyInput,
      ui,
      logs,
    });
    return;
  }
  const catalog = (await fetchJson('/cases.json')) as Catalog;
  state.entries = catalog.cases;
  byId('case-skipped', HTMLParagraphElement).textContent = catalog.skipped
    .map((skipped) => `${skipped.id}: ${skipped.reason}`)
    .join('\n');
  byId('case-filter', HTMLInputElement).addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement) renderCaseList(event.target.value);
  });
  wireControls(view, {
    session: () => state.session,
    render,
    reopen: () => {
      if (state.entry !== null) open(state.entry);
    },
    setSettings: (settings) => {
      state.settingsOverride = settings;
    },
  });
  wireHandoffPanel({
    services: () => state.session?.services ?? null,
    secure,
    reopen: () => {
      if (state.entry !== null) open(state.entry);
    },
  });
  renderCaseList('');
  const wanted = new URLSearchParams(window.location.search).get('case');
  const first = state.entries.find((entry) => entry.id === wanted) ?? state.entries[0];
  if (first === undefined) {
    ticketError.textContent = 'No case files found in ../shared/cases or cases/.';
    return;
  }
  open(first);
}

// For browser tests and curious testers: the open ticket's stored state as data (host/page/inspect.ts).
window.escalationHost = createTestApi({
  session: () => state.session,
  caseId: () => (state.session === null ? null : (state.entry?.id ?? null)),
  settings: currentSettings,
  reloadApp,
  secure,
});

start().catch((error: unknown) => {
  ticketError.textContent = `The host page could not start: ${error instanceof Error ? error.message : String(error)}`;
});
