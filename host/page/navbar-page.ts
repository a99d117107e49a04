/**
 * The page side of the nav bar mode: hides the ticket view, shows the nav_bar app full width in its
 * iframe on the app origin (the manifest's `location.support.nav_bar.url`), and the controls that pick
 * who is signed in, how big the history is and how slow the network.
 */
import { defaultSettings, manifestParameters } from './account';
import { byId, el } from './dom';
import { logFakeEvent, logProtocol, type Logs } from './logs';
import { navBarParams, startNavBarSession } from './navbar';
import type { SidebarUi } from './sidebar';

/** The manifest's nav_bar page, or the package's usual path when the manifest names none. */
function navBarPath(manifest: unknown): string {
  const location = (manifest as { location?: { support?: { nav_bar?: unknown } } } | null)?.location;
  const entry = location?.support?.nav_bar;
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'object' && entry !== null && 'url' in entry && typeof entry.url === 'string')
    return entry.url;
  return 'assets/supervisor.html';
}

/** Switches the page to the nav bar mode and starts the app. */
export function openNavBar(page: {
  appOrigin: string;
  manifest: unknown;
  latencyInput: HTMLInputElement;
  ui: SidebarUi;
  logs: Logs;
}): void {
  const search = new URLSearchParams(window.location.search);
  const params = navBarParams(search);
  for (const selector of ['main.layout', 'section.tools']) {
    const part = document.querySelector<HTMLElement>(selector);
    // The page's grid styles would override `hidden`.
    if (part !== null) part.style.display = 'none';
  }
  byId('navbar-page', HTMLElement).hidden = false;
  const form = byId('navbar-controls', HTMLFormElement);
  const field = (name: string): HTMLInputElement | HTMLSelectElement => {
    const found = form.elements.namedItem(name);
    if (!(found instanceof HTMLInputElement || found instanceof HTMLSelectElement)) {
      throw new Error(`The nav bar controls have no field ${name}.`);
    }
    return found;
  };
  field('user').value = params.viewer;
  field('tickets').value = String(params.escalations);
  field('latency').value = page.latencyInput.value;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams({
      location: 'nav_bar',
      user: field('user').value,
      tickets: field('tickets').value,
      latency: field('latency').value,
    });
    window.location.search = next.toString();
  });

  const status = byId('navbar-status', HTMLParagraphElement);
  const appPath = navBarPath(page.manifest);
  const frame = el('iframe');
  frame.id = 'app-frame';
  frame.title = 'Escalation Guide: supervisors\u2019 review';
  byId('navbar-slot', HTMLDivElement).replaceChildren(frame);
  const appWindow = frame.contentWindow;
  if (appWindow === null) throw new Error('The app iframe has no window.');
  const appGuid = crypto.randomUUID();
  const logs: Logs = { ...page.logs, requests: byId('navbar-requests', HTMLOListElement) };
  const parameters = page.manifest === null ? null : manifestParameters(page.manifest);
  startNavBarSession({
    params,
    listenOn: window,
    app: appWindow,
    appOrigin: page.appOrigin,
    appGuid,
    latencyMs: Number(page.latencyInput.value) || 0,
    settings: (account) => defaultSettings({ settings: account }, parameters),
    notify: (message, kind) => {
      page.ui.notify(message, kind, 5000);
    },
    log: (entry) => {
      logProtocol(logs, entry);
    },
    onFakeEvent: (event) => {
      logFakeEvent(logs, event);
    },
  });
  status.textContent = `The app's nav_bar page (${appPath}) as ${params.viewer}, over a history of ${params.escalations} escalations.`;
  const query = new URLSearchParams({ origin: window.location.origin, app_guid: appGuid });
  frame.src = `${page.appOrigin}/${appPath}?${query.toString()}`;
}
