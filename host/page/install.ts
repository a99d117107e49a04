/**
 * The app's install in the local account: the served package's requirements.json is installed into each
 * ticket's fresh fake Zendesk (fake/install.ts), as Zendesk does when an admin installs the app, and the
 * app is told its installation id in `metadata()`. A case may store a value in a field the install
 * creates by naming the field's requirements.json identifier as its custom field id
 * (`{"id": "issue_category", "value": "network"}`): the host puts the value in the installed field.
 */
import { installRequirements, type InstalledIds } from '../../fake/install';
import type { FakeZendesk } from '../../fake/zendesk';

/** The app's installation id in the local account, as `metadata().installationId` reports it. */
export const INSTALLATION_ID = 1;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Installs `requirements` (null: the package has none) into `fake`; returns what it created. */
export function installApp(fake: FakeZendesk, requirements: unknown): InstalledIds | null {
  return requirements === null || requirements === undefined
    ? null
    : installRequirements(fake, requirements, INSTALLATION_ID);
}

/** The bundle with each custom field named by a requirements.json identifier moved to its installed id. */
export function placeInstalledFields(bundle: unknown, installed: InstalledIds | null): unknown {
  if (!isRecord(bundle) || !isRecord(bundle.ticket) || !Array.isArray(bundle.ticket.custom_fields))
    return bundle;
  const fields = (bundle.ticket.custom_fields as unknown[]).map((field) => {
    if (!isRecord(field) || typeof field.id !== 'string' || /^\d+$/u.test(field.id)) return field;
    const id = installed?.ticket_fields[field.id];
    if (id === undefined) {
      throw new TypeError(
        `ticket.custom_fields names "${field.id}", which is not a ticket field the app's requirements.json creates.`,
      );
    }
    return { ...field, id };
  });
  return { ...bundle, ticket: { ...bundle.ticket, custom_fields: fields } };
}
