/**
 * The host page's nav bar mode (`?location=nav_bar`): the app's nav_bar page (the supervisors' review)
 * full width, against a fake account seeded with a generated escalation history (fake/history.ts), with
 * the signed-in user chosen on the page. `?user=supervisor|admin|agent` picks who is signed in,
 * `?tickets=N` how many escalations the history holds, `?latency=100` slows every REST call.
 * `window.escalationReviewHost` gives the generated truth and the requests as data, for browser tests.
 */
import {
  createHistoryAccount,
  REVIEW_ACCOUNT,
  viewerGroups,
  type HistoryTicket,
  type ReviewViewer,
} from '../../fake/history';
import type { FakeZendeskEvent, RequestRecord } from '../../fake/zendesk';
import { installedRequirement, isRequirementPath } from '../../fake/install';
import { zafUser, type Directory } from '../../fake/zaf-objects';
import type { Target } from '../../src/engine';
import { TEAM_GROUPS } from './account';
import { sendRequest } from './requests';
import { SUBDOMAIN } from './session';
import {
  createZafHost,
  fail,
  ok,
  type Answer,
  type LocationApi,
  type ProtocolLogEntry,
  type ZafHost,
} from './zaf';

/** What the nav bar mode reads from the page's address. */
export interface NavBarParams {
  readonly viewer: ReviewViewer;
  readonly escalations: number;
  readonly older: number;
  readonly suggested: number;
}

const VIEWERS: readonly ReviewViewer[] = ['supervisor', 'admin', 'agent'];
/** The largest history the host generates; the bench uses 1,000. */
const MAX_TICKETS = 5000;

/** Reads `?user=` and `?tickets=`; defaults give a small, varied history. */
export function navBarParams(search: URLSearchParams): NavBarParams {
  const user = search.get('user');
  const viewer = VIEWERS.find((candidate) => candidate === user) ?? 'supervisor';
  const tickets = search.get('tickets');
  if (tickets !== null && /^\d+$/u.test(tickets)) {
    const escalations = Math.min(MAX_TICKETS, Number(tickets));
    return { viewer, escalations, older: 0, suggested: Math.ceil(escalations / 50) };
  }
  return { viewer, escalations: 150, older: 12, suggested: 14 };
}

/** What the mode publishes for tests. */
export interface ReviewHostApi {
  readonly tickets: readonly HistoryTicket[];
  readonly settings: Readonly<Record<string, unknown>>;
  requests(): readonly RequestRecord[];
}

declare global {
  interface Window {
    /** The nav bar mode's test hook (host/page/navbar.ts). */
    escalationReviewHost?: ReviewHostApi;
  }
}

/** What the page hands the nav bar session. */
export interface NavBarOptions {
  readonly params: NavBarParams;
  readonly listenOn: Window;
  readonly app: Window;
  readonly appOrigin: string;
  readonly appGuid: string;
  readonly latencyMs: number;
  /** `metadata().settings` for the review account, from the manifest's parameters. */
  readonly settings: (account: Record<string, string>) => Record<string, unknown>;
  readonly notify: (message: string, kind: string) => void;
  readonly log: (entry: ProtocolLogEntry) => void;
  readonly onFakeEvent: (event: FakeZendeskEvent) => void;
}

/** Starts the fake account and serves the nav_bar app; returns the ZAF host to stop it. */
export function startNavBarSession(options: NavBarOptions): ZafHost {
  const teamGroups = Object.fromEntries(
    TEAM_GROUPS.map((group) => [group.team, { id: group.id, name: group.name }]),
  ) as Record<Target, { id: number; name: string }>;
  const account = createHistoryAccount({
    now: Date.now(),
    teamGroups,
    escalations: options.params.escalations,
    older: options.params.older,
    suggested: options.params.suggested,
    viewer: options.params.viewer,
    fake: { latencyMs: options.latencyMs },
  });
  // The history was written at start; from here the fake runs on the real clock.
  account.fake.subscribe(options.onFakeEvent);
  // No admin typed the record field's id here: the page finds the field the install created, through
  // `requirement:escalation_record`, as on an account that left the setting empty.
  const installed = Object.fromEntries(
    Object.entries(account.settings).filter(([name]) => name !== 'record_field_id'),
  );
  const settings = options.settings(installed);
  const viewer = REVIEW_ACCOUNT.viewers[options.params.viewer];
  const groups = viewerGroups(options.params.viewer);
  const directory: Directory = {
    user: (id) => account.fake.user(id),
    group: (id) => groups.find((group) => group.id === id),
    organization: () => undefined,
    agentGroups: () => groups,
  };
  window.escalationReviewHost = {
    tickets: account.tickets,
    settings,
    requests: () => account.fake.requests(),
  };
  return createZafHost({
    listenOn: options.listenOn,
    app: options.app,
    appOrigin: options.appOrigin,
    appGuid: options.appGuid,
    registration: () => ({
      metadata: { appId: 1, installationId: 1, name: 'Escalation Guide', settings: { ...settings } },
      context: {
        product: 'support',
        location: 'nav_bar',
        instanceGuid: options.appGuid,
        account: { subdomain: SUBDOMAIN },
      },
    }),
    api: navBarApi(viewer.id, directory, options.notify, (path) =>
      installedRequirement(account.fake.resources, REVIEW_ACCOUNT.installationId, path),
    ),
    request: (raw) => sendRequest(raw, { fake: account.fake }),
    log: options.log,
  });
}

/**
 * The nav_bar location's API in the local host: who is signed in, the account, the app installation's
 * requirements (`requirement:<identifier>`), and a few actions.
 */
function navBarApi(
  currentUserId: number,
  directory: Directory,
  notify: (message: string, kind: string) => void,
  requirement: (path: string) => unknown,
): LocationApi {
  const get = (path: string): Answer => {
    if (path === 'currentUser') return ok(zafUser(currentUserId, directory));
    if (path === 'currentAccount') return ok({ subdomain: SUBDOMAIN });
    if (isRequirementPath(path)) {
      const found = requirement(path);
      return found === undefined
        ? fail(path, "names no requirement of the app's installation in the local host.")
        : ok(found);
    }
    return fail(
      path,
      'is not available in the nav_bar of the local host. It serves: currentUser, currentAccount, requirement:<identifier>.',
    );
  };
  return {
    get,
    set: (path) => fail(path, 'cannot be set in the nav_bar of the local host.'),
    invoke: (name, args) => {
      switch (name) {
        case 'resize':
          return ok(null);
        case 'notify':
          notify(String(args[0]), typeof args[1] === 'string' ? args[1] : 'notice');
          return ok(null);
        case 'routeTo':
          notify(
            `The app asked to open ${String(args[0])} ${String(args[1])} (routeTo); the local host has no ticket view here.`,
            'notice',
          );
          return ok(null);
        default:
          return fail(name, 'is not an action of the local host nav_bar (resize, notify, routeTo).');
      }
    },
  };
}
