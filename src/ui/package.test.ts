/**
 * The Zendesk app package, checked offline: the real build (vite.config.ts) into a temporary folder,
 * validated by scripts/validate-package.ts against Zendesk's rules; the validator itself is tested on
 * broken manifests and translations so a pass means something.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageScriptSize, VITE_MANIFEST } from '../../build/page-size';
import { checkPackage, isLocalOnly, readPackage, type AppPackage } from '../../scripts/validate-package';

const ROOT = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const en = JSON.parse(readFileSync(join(ROOT, 'translations/en.json'), 'utf8')) as {
  app: { parameters: Record<string, { label?: string; helpText?: string }> } & Record<string, unknown>;
};

const PARAMETERS: Record<string, { type: string; default?: unknown; secure?: true; scopes?: string[] }> = {
  l2_group_id: { type: 'text' },
  engineering_group_id: { type: 'text' },
  trust_safety_group_id: { type: 'text' },
  carrier_group_id: { type: 'text' },
  legal_group_id: { type: 'text' },
  escalated_status_id: { type: 'text' },
  category_field_id: { type: 'text' },
  refund_amount_field_id: { type: 'text' },
  follow_up_field_id: { type: 'text' },
  record_field_id: { type: 'text' },
  refund_threshold: { type: 'text', default: '100' },
  stuck_hours: { type: 'text', default: '72' },
  slo_risk_hours: { type: 'text', default: '48' },
  outage_threshold: { type: 'text', default: '10' },
  vip_tags: { type: 'text', default: 'vip, influencer' },
  keep_assignee: { type: 'checkbox' },
  message_delivery: { type: 'text', default: 'post' },
  supervisor_group_ids: { type: 'text' },
  slack_enabled: { type: 'checkbox' },
  slack_webhook_url: { type: 'url', secure: true, scopes: ['url'] },
  pagerduty_enabled: { type: 'checkbox' },
  pagerduty_routing_key: { type: 'text', secure: true, scopes: ['body'] },
  business_hours_schedule_id: { type: 'text' },
  jira_site: { type: 'text' },
  jira_project_key: { type: 'text' },
  jira_issue_type: { type: 'text', default: 'Bug' },
  jira_credentials: { type: 'text', secure: true, scopes: ['header'] },
  carrier_webhook_enabled: { type: 'checkbox' },
  carrier_webhook_url: { type: 'url', secure: true, scopes: ['url'] },
};

/** The hosts the hand-offs call with secure settings; nothing else may receive them. */
const DOMAIN_WHITELIST = [
  'hooks.slack.com',
  'events.pagerduty.com',
  'atlassian.net',
  'carrier.meowmobile.example',
];

/** The source package as it will be built: the manifest's files are there. */
const sourcePackage = (over: Partial<AppPackage> = {}): AppPackage => ({
  manifest: structuredClone(manifest),
  translations: { en: structuredClone(en) },
  files: [
    'manifest.json',
    'translations/en.json',
    'assets/index.html',
    'assets/logo.png',
    'assets/logo-small.png',
    'assets/supervisor.html',
    'assets/icon_nav_bar.svg',
  ],
  ...over,
});

const withManifest = (change: (m: Record<string, unknown>) => void): AppPackage => {
  const pkg = sourcePackage();
  change(pkg.manifest as Record<string, unknown>);
  return pkg;
};

const params = (m: Record<string, unknown>) => m.parameters as Record<string, unknown>[];

function pngSize(file: string): [number, number] {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe('the built app package', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'escalation-guide-'));
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(ROOT, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'silent',
        build: { outDir: join(dir, 'assets') },
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is a valid Zendesk app package', () => {
    expect(checkPackage(readPackage(dir))).toEqual([]);
  });

  it('holds the sidebar page, its script, the logos, the manifest and the translations', () => {
    const { files } = readPackage(dir);
    for (const file of [
      'manifest.json',
      'translations/en.json',
      'assets/index.html',
      'assets/logo.png',
      'assets/logo-small.png',
      'requirements.json',
    ]) {
      expect(files).toContain(file);
    }
    const html = readFileSync(join(dir, 'assets/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBe(1);
    for (const src of scripts) {
      expect(src.startsWith('./')).toBe(true); // base './': Zendesk serves the assets from its own path
      expect(files).toContain(`assets/${src.slice(2)}`);
    }
    expect(pngSize(join(dir, 'assets/logo.png'))).toEqual([128, 128]);
    expect(pngSize(join(dir, 'assets/logo-small.png'))).toEqual([32, 32]);
  });

  const loads = (page: string): string[] => {
    const html = readFileSync(join(dir, 'assets', page), 'utf8');
    return [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  };

  it('is built beside the sidebar, with the nav bar icon, sharing no script with it', () => {
    const { files } = readPackage(dir);
    expect(files).toContain('assets/supervisor.html');
    expect(files).toContain('assets/icon_nav_bar.svg');
    const sidebar = loads('index.html');
    const review = loads('supervisor.html');
    expect(review.length).toBe(1);
    for (const script of review) expect(files).toContain(`assets/${script}`);
    expect(sidebar.filter((script) => review.includes(script))).toEqual([]);
    // Nothing of the review page (its words, its loader) is in the sidebar's script.
    const sidebarCode = sidebar.map((script) => readFileSync(join(dir, 'assets', script), 'utf8')).join('');
    expect(sidebarCode).not.toContain('Escalation review');
    expect(sidebarCode).not.toContain('escalation-guide:review-shown');
  });

  it('keeps the sidebar JavaScript within its 100 KB gzipped budget', () => {
    // Every chunk the sidebar page can load (SDK included), read from Vite's manifest; other pages built
    // into the same folder do not count. npm run bench prints the same figure.
    const { bytes, files } = pageScriptSize(join(dir, 'assets'), 'index.html');
    const html = readFileSync(join(dir, 'assets/index.html'), 'utf8');
    expect(html).toContain(`./${files[0] ?? 'no entry chunk'}`); // the page's own chunk comes first
    expect(bytes / 1024).toBeLessThan(100);
  });

  it("leaves Vite's manifest out of the uploaded package, and the validator accepts the folder with it", () => {
    const { files } = readPackage(dir);
    expect(files).toContain(`assets/${VITE_MANIFEST}`);
    const shipped = files.filter((f) => !isLocalOnly(f));
    expect(shipped.some((f) => f.includes('.vite'))).toBe(false);
    expect(shipped).toContain('assets/index.html');
    expect(shipped).toContain('manifest.json');
    expect(shipped.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    expect(checkPackage(readPackage(dir))).toEqual([]);
  });
});

describe('manifest.json and translations/en.json', () => {
  it("declare exactly the app parameters, secure only the hand-offs' secrets, with the guide defaults", () => {
    const list = params(manifest);
    expect(list.map((p) => p.name)).toEqual(Object.keys(PARAMETERS));
    for (const p of list) {
      const want = PARAMETERS[p.name as string];
      expect(p.type).toBe(want?.type);
      expect(p.secure, String(p.name)).toBe(want?.secure ?? false);
      // Scopes limit where Zendesk's proxy puts a secret; a secure parameter without them draws a warning.
      expect(p.scopes, String(p.name)).toEqual(want?.scopes);
      if (want?.default !== undefined) expect(p.default).toBe(want.default);
      // Zendesk stores a default in the clear: a secret never has one.
      if (p.secure === true) expect('default' in p, String(p.name)).toBe(false);
    }
    expect(manifest.domainWhitelist).toEqual(DOMAIN_WHITELIST);
    expect(manifest).toMatchObject({
      defaultLocale: 'en',
      private: true,
      frameworkVersion: '2.0',
      location: { support: { ticket_sidebar: { url: 'assets/index.html', flexible: true } } },
    });
  });

  it('label and explain every parameter, and say how to create the Escalated status', () => {
    for (const name of Object.keys(PARAMETERS)) {
      expect(en.app.parameters[name]?.label, name).toBeTruthy();
      expect(en.app.parameters[name]?.helpText, name).toBeTruthy();
    }
    for (const [name, p] of Object.entries(PARAMETERS)) {
      if (typeof p.default === 'string') expect(en.app.parameters[name]?.helpText).toContain(p.default);
    }
    const status = en.app.parameters.escalated_status_id?.helpText ?? '';
    expect(status).toMatch(/Ticket statuses/);
    expect(status).toMatch(/Escalated/);
    for (const key of ['name', 'short_description', 'long_description', 'installation_instructions']) {
      expect(typeof en.app[key]).toBe('string');
    }
  });
});

describe('checkPackage', () => {
  it('passes the source manifest and translations', () => {
    expect(checkPackage(sourcePackage())).toEqual([]);
  });

  it.each<[string, AppPackage, RegExp]>([
    ['no author', withManifest((m) => delete m.author), /needs "author"/],
    ['no defaultLocale', withManifest((m) => delete m.defaultLocale), /needs "defaultLocale"/],
    ['no location', withManifest((m) => delete m.location), /needs "location"/],
    ['no frameworkVersion', withManifest((m) => delete m.frameworkVersion), /needs "frameworkVersion"/],
    ['framework 1.0', withManifest((m) => (m.frameworkVersion = '1.0')), /frameworkVersion .*"2.0"/],
    ['author without email', withManifest((m) => (m.author = { name: 'x' })), /author needs "email"/],
    ['private as text', withManifest((m) => (m.private = 'yes')), /private must be true or false/],
    [
      'scopes on a parameter that is not secure',
      withManifest((m) => (params(m)[0] = { name: 'x', type: 'text', scopes: ['header'] })),
      /"scopes" cannot be defined in a non-secure parameter/,
    ],
    [
      'an unknown scope',
      withManifest((m) => (params(m)[0] = { name: 'x', type: 'text', secure: true, scopes: ['cookie'] })),
      /invalid scopes: cookie/,
    ],
    [
      'a secret with a default',
      withManifest(
        (m) => (params(m)[0] = { name: 'x', type: 'text', secure: true, scopes: ['url'], default: 'k' }),
      ),
      /is secure, so it must have no default/,
    ],
    [
      'a domainWhitelist that is not a list of host names',
      withManifest((m) => (m.domainWhitelist = ['https://hooks.slack.com/services'])),
      /domainWhitelist entry "https:\/\/hooks.slack.com\/services" must be a host name/,
    ],
    [
      'unknown parameter type',
      withManifest((m) => (params(m)[0] = { name: 'x', type: 'password' })),
      /type "password"/,
    ],
    [
      'required as text',
      withManifest((m) => (params(m)[0] = { name: 'x', type: 'text', required: 'true' })),
      /"required" must be true or false/,
    ],
    [
      'secure as number',
      withManifest((m) => (params(m)[0] = { name: 'x', type: 'text', secure: 1 })),
      /"secure" must be true or false/,
    ],
    [
      'a parameter called name',
      withManifest((m) => params(m).push({ name: 'name', type: 'text' })),
      /"name" is reserved/,
    ],
    [
      'a duplicate parameter',
      withManifest((m) => params(m).push({ name: 'stuck_hours', type: 'text' })),
      /"stuck_hours" is declared twice/,
    ],
    [
      'a required hidden parameter',
      withManifest((m) => params(m).push({ name: 'h', type: 'hidden', required: true })),
      /hidden, so it cannot be required/,
    ],
    [
      'an absolute location URL',
      withManifest((m) => (m.location = { support: { ticket_sidebar: { url: '/assets/index.html' } } })),
      /must start with assets\//,
    ],
    [
      'an insecure location URL',
      withManifest((m) => (m.location = { support: { ticket_sidebar: 'http://example.com/app' } })),
      /must be https/,
    ],
    [
      'a location page missing from the package',
      withManifest((m) => (m.location = { support: { ticket_sidebar: { url: 'assets/sidebar.html' } } })),
      /not in the package/,
    ],
    [
      'an unknown location',
      withManifest((m) => (m.location = { support: { ticket_sidebarr: { url: 'assets/index.html' } } })),
      /not a Support location/,
    ],
    [
      'flexible as text',
      withManifest(
        (m) => (m.location = { support: { ticket_sidebar: { url: 'assets/index.html', flexible: 'yes' } } }),
      ),
      /"flexible" must be true or false/,
    ],
    [
      'no default-locale translations',
      sourcePackage({ translations: {} }),
      /translations\/en.json .* missing/,
    ],
    [
      'no app.name',
      sourcePackage({ translations: { en: { app: { parameters: en.app.parameters } } } }),
      /needs app.name/,
    ],
    [
      'a parameter without a label',
      sourcePackage({
        translations: {
          en: { app: { ...en.app, parameters: { ...en.app.parameters, vip_tags: { helpText: 'x' } } } },
        },
      }),
      /needs app.parameters.vip_tags.label/,
    ],
    [
      'a translation that is not text',
      sourcePackage({ translations: { en: { app: { ...en.app, name: 42 } } } }),
      /must be text/,
    ],
    ['manifest not JSON', sourcePackage({ manifest: new Error('Unexpected token') }), /not JSON/],
    ['manifest missing', sourcePackage({ manifest: undefined }), /manifest.json is missing/],
    [
      'a nav_bar location without its icon',
      sourcePackage({
        files: ['manifest.json', 'translations/en.json', 'assets/index.html', 'assets/supervisor.html'],
      }),
      /nav_bar needs its icon assets\/icon_nav_bar.svg/,
    ],
  ])('fails on %s', (_name, pkg, problem) => {
    const problems = checkPackage(pkg);
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});
