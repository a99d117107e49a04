/**
 * Installing an app's requirements.json into the fake Zendesk, as Zendesk does when an admin installs the
 * app: each resource is created (ticket fields first, so the rules that name them can), gets a new id,
 * and the installation's requirements list records identifier → id, which the app reads at run time.
 * A condition or action naming `custom_fields_{{ticket_fields.<identifier>}}` gets that field's new id.
 */
import { RESOURCE_TYPES, type ResourceType } from './admin';
import { RequestRejection } from './http';
import type { FakeZendesk } from './zendesk';

/** What an install created: per resource type, identifier → new id. */
export type InstalledIds = Readonly<Record<ResourceType, Readonly<Record<string, number>>>>;

const REFERENCE = /custom_fields_\{\{ticket_fields\.([A-Za-z0-9_.-]+)\}\}/gu;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function resolveReferences(
  value: unknown,
  fieldIds: Readonly<Record<string, number>>,
  where: string,
): unknown {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (_all, identifier: string) => {
      const id = fieldIds[identifier];
      if (id === undefined) {
        throw new RangeError(
          `${where} names ticket field "${identifier}", which the requirements do not create.`,
        );
      }
      return `custom_fields_${id}`;
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, fieldIds, where));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveReferences(v, fieldIds, where)]),
    );
  }
  return value;
}

/**
 * Creates every resource of `requirements` (a parsed requirements.json) in `fake`'s account and records
 * them under `installationId`. Throws a RangeError naming the resource when Zendesk would refuse it (its
 * 422 description), a resource type the fake does not simulate, or an installation that already exists.
 */
export function installRequirements(
  fake: FakeZendesk,
  requirements: unknown,
  installationId: number,
): InstalledIds {
  if (!isObject(requirements)) throw new RangeError('requirements.json must be an object of resource types.');
  if (fake.resources.hasInstallation(installationId)) {
    throw new RangeError(`Installation ${installationId} already has its requirements installed.`);
  }
  const unsupported = Object.keys(requirements).filter(
    (type) => !(RESOURCE_TYPES as readonly string[]).includes(type),
  );
  if (unsupported.length) {
    throw new RangeError(
      `The fake Zendesk installs ${RESOURCE_TYPES.join(', ')}; requirements.json also has ${unsupported.join(', ')}.`,
    );
  }
  fake.resources.addInstallation(installationId);
  const created: Record<ResourceType, Record<string, number>> = {
    ticket_fields: {},
    macros: {},
    views: {},
    automations: {},
  };
  for (const type of RESOURCE_TYPES) {
    const resources = requirements[type];
    if (resources === undefined) continue;
    if (!isObject(resources))
      throw new RangeError(`requirements.json ${type} must be an object of resources.`);
    for (const [identifier, payload] of Object.entries(resources)) {
      const where = `${type}.${identifier}`;
      let id: number;
      try {
        id = fake.resources.create(type, resolveReferences(payload, created.ticket_fields, where)).id;
      } catch (error) {
        if (!(error instanceof RequestRejection)) throw error;
        throw new RangeError(`${where} was refused: ${JSON.stringify(error.response.body)}`);
      }
      created[type][identifier] = id;
      fake.resources.addRequirement(installationId, identifier, type, id);
    }
  }
  return created;
}
