/**
 * The app as Zendesk installs it: the local host installs the built package's requirements.json into its
 * account (ticket fields, macros, views, automations) and tells the app its installation id; the sidebar,
 * with no field id in its settings, finds the installed fields at run time (ZAF's
 * `requirement:<identifier>` paths in its one batched get, answered by the host from the install) and
 * reads the ticket's category from the installed field. As an agent and as an admin: neither sends a
 * request of its own to find the fields.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startHost, type RunningHost } from '../host/server';
import { defaultCaseFolders } from '../host/cases';
import { assertBuilt, hostState, launchChromium, newContext, t, watchErrors } from './support';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASE_ID = 'installed/category-in-installed-field.json';

let host: RunningHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  assertBuilt();
  host = await startHost({
    hostPort: 0,
    appPort: 0,
    caseFolders: [
      ...defaultCaseFolders(REPO_ROOT),
      { label: 'installed', dir: path.join(HERE, 'fixtures', 'installed') },
    ],
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser.close();
  await host.close();
});

async function open(role: 'agent' | 'admin') {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const roleParam = role === 'admin' ? '&role=admin' : '';
  await page.goto(`${host.hostUrl}?case=${encodeURIComponent(CASE_ID)}${roleParam}`);
  const app = page.frameLocator('#app-frame');
  await app.getByRole('heading', { name: t('suggestion.heading'), exact: true }).waitFor();
  return { page, app, errors };
}

describe('the app installed in the local host', () => {
  it.each(['agent', 'admin'] as const)(
    'reads the category from the installed field with no id in its settings (signed in as %s)',
    async (role) => {
      const { page, app, errors } = await open(role);
      const state = await hostState(page);
      expect(state.settings).not.toHaveProperty('category_field_id');
      // The case's category went into the field the install created.
      const [field] = state.ticket.custom_fields;
      expect(field?.value).toBe('network');
      expect(field?.id).toBeGreaterThan(0);

      const issueType = app
        .locator('dt', { hasText: t('suggestion.issue_type') })
        .locator('xpath=following-sibling::dd[1]');
      await expect.poll(() => issueType.textContent()).toBe('Network');

      const urls = state.requests.map((r) => r.url.split('?')[0] ?? '');
      // The ticket was read, and no request went to look the fields up.
      expect(urls).toContain(`/api/v2/tickets/${String(state.ticketId)}.json`);
      expect(urls.filter((url) => /requirements|ticket_fields/u.test(url))).toEqual([]);
      // Every field was found: no settings problem about a missing field.
      await expect.poll(() => app.getByText('ticket field was not found').count()).toBe(0);
      expect(state.writes).toEqual([]);
      expect(errors).toEqual([]);
    },
    60_000,
  );
});
