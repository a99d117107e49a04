/**
 * The local installation's hand-off services: made-up secure settings (what an admin would paste into
 * the app's secure settings; the local host keeps them to itself), the non-secure settings that switch
 * the hand-offs on, and the four stand-ins built to accept exactly those secrets. The same set serves
 * the unit tests and the local host, so both meet the same services.
 */
import { createFakeCarrier, type FakeCarrier } from './carrier';
import { createFakeJira, type FakeJira } from './jira';
import { createFakePagerDuty, type FakePagerDuty } from './pagerduty';
import { createProxy, type LocalProxy, type ReceivedRecord } from './proxy';
import { createFakeSlack, type FakeSlack } from './slack';

/** The local Jira site (a non-secure setting: the site is no secret). */
export const LOCAL_JIRA_SITE = 'meowmobile.atlassian.net';

/**
 * The secure settings of the local installation. Made up, and long and odd enough that a test finding
 * one of them anywhere in the app's bundle or requests cannot be a coincidence.
 */
export const LOCAL_SECURE_SETTINGS: Readonly<Record<string, string>> = {
  slack_webhook_url: 'https://hooks.slack.com/services/T0LOCAL01/B0LOCAL02/lOcAlSlAcKsEcReT7f3a9c',
  pagerduty_routing_key: 'R0ca1pagerdutyk3y5ecret0000a1b2c',
  // base64 of "jira-bot@meowmobile.example:L0calJiraT0kenSecret4e8d"
  jira_credentials: 'amlyYS1ib3RAbWVvd21vYmlsZS5leGFtcGxlOkwwY2FsSmlyYVQwa2VuU2VjcmV0NGU4ZA==',
  carrier_webhook_url: 'https://carrier.meowmobile.example/intake/escalations/c4rr1erS3cretP4th',
};

/** The non-secure settings that switch every hand-off on against the local services. */
export const LOCAL_HANDOFF_SETTINGS: Readonly<Record<string, string | boolean>> = {
  slack_enabled: true,
  pagerduty_enabled: true,
  jira_site: LOCAL_JIRA_SITE,
  jira_project_key: 'ENG',
  jira_issue_type: 'Bug',
  carrier_webhook_enabled: true,
};

/** The four stand-ins and the proxy in front of them. */
export interface LocalServices {
  readonly proxy: LocalProxy;
  readonly slack: FakeSlack;
  readonly pagerduty: FakePagerDuty;
  readonly jira: FakeJira;
  readonly carrier: FakeCarrier;
}

/** Options of `createLocalServices`. */
export interface LocalServicesOptions {
  /** The manifest's `domainWhitelist`. */
  readonly whitelist: readonly string[];
  /** The installation's secure settings; default LOCAL_SECURE_SETTINGS. */
  readonly secureSettings?: () => Readonly<Record<string, string>>;
  readonly onReceived?: (record: ReceivedRecord) => void;
}

/**
 * The services as the local secure settings configure them. Each stand-in accepts the local secret (the
 * webhook URL, the routing key, the Jira credentials); changing a secure setting afterwards makes the
 * proxy send the new value, which the service then refuses as a real one would.
 */
export function createLocalServices(options: LocalServicesOptions): LocalServices {
  const secrets = LOCAL_SECURE_SETTINGS;
  const need = (name: string): string => {
    const value = secrets[name];
    if (value === undefined) throw new Error(`LOCAL_SECURE_SETTINGS has no ${name}.`);
    return value;
  };
  const slack = createFakeSlack(need('slack_webhook_url'));
  const pagerduty = createFakePagerDuty(need('pagerduty_routing_key'));
  const jira = createFakeJira({
    site: LOCAL_JIRA_SITE,
    authorization: `Basic ${need('jira_credentials')}`,
    projects: { ENG: ['Bug', 'Task'], NET: ['Incident'] },
  });
  const carrier = createFakeCarrier(need('carrier_webhook_url'));
  const proxy = createProxy({
    whitelist: options.whitelist,
    secureSettings: options.secureSettings ?? (() => secrets),
    services: [slack, pagerduty, jira, carrier],
    ...(options.onReceived === undefined ? {} : { onReceived: options.onReceived }),
  });
  return { proxy, slack, pagerduty, jira, carrier };
}
