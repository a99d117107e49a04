import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeZendesk } from '../../fake/zendesk';
import { installApp, INSTALLATION_ID, placeInstalledFields } from './install';

const requirements = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../requirements.json'), 'utf8'),
) as unknown;

describe("the app's install in the local account", () => {
  it("installs the package's requirements under the app's installation id", () => {
    const fake = createFakeZendesk({ currentUser: { id: 1, role: 'admin' } });
    const installed = installApp(fake, requirements);
    expect(installed?.ticket_fields.issue_category).toBeGreaterThan(0);
    expect(fake.resources.requirements(INSTALLATION_ID)?.map((r) => r.identifier)).toContain('follow_up_due');
    expect(installApp(createFakeZendesk(), null)).toBeNull();
  });

  it("moves a case's value named by an identifier into the installed field, and leaves numeric ids alone", () => {
    const installed = installApp(createFakeZendesk(), requirements);
    const bundle = {
      ticket: {
        id: 5,
        custom_fields: [
          { id: 'issue_category', value: 'network' },
          { id: 77, value: 'x' },
        ],
      },
    };
    expect(placeInstalledFields(bundle, installed)).toEqual({
      ticket: {
        id: 5,
        custom_fields: [
          { id: installed?.ticket_fields.issue_category, value: 'network' },
          { id: 77, value: 'x' },
        ],
      },
    });
  });

  it('names a field identifier the requirements do not create', () => {
    const bundle = { ticket: { custom_fields: [{ id: 'severity', value: 'high' }] } };
    expect(() => placeInstalledFields(bundle, installApp(createFakeZendesk(), requirements))).toThrow(
      /"severity"/u,
    );
    expect(() => placeInstalledFields(bundle, null)).toThrow(/"severity"/u);
  });
});
