/**
 * Installing an app's requirements.json into the fake Zendesk, as Zendesk does when an admin installs the
 * app: each resource is created as written (ticket fields first), gets a new id, and the installation's
 * requirements list records identifier → id, which the app reads at run time (ZAF's
 * `requirement:<identifier>` get, or the installation's requirements list). A resource cannot name the id
 * of another: Zendesk has no syntax for it, so a `{{ticket_fields.<identifier>}}` in a condition reaches
 * the create endpoint as text and is refused there like any field that does not exist.
 */
import {
  RESOURCE_TYPES,
  type AccountResources,
  type InstallationRequirement,
  type ResourceType,
} from './admin';
import { RequestRejection } from './http';
import type { FakeZendesk } from './zendesk';

/** What an install created: per resource type, identifier → new id. */
export type InstalledIds = Readonly<Record<ResourceType, Readonly<Record<string, number>>>>;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The path prefix of ZAF's get for one of the installation's requirements. */
const REQUIREMENT_PATH = /^requirement:(.+)$/u;

/**
 * ZAF's answer to `client.get('requirement:<identifier>')` for `installationId`: the requirement's entry
 * (`requirement_id`, `requirement_type`, `identifier`...), or undefined when the path is not a requirement
 * path or the installation has no such requirement (the host then answers as for an unknown path).
 */
export function installedRequirement(
  resources: AccountResources,
  installationId: number,
  path: string,
): InstallationRequirement | undefined {
  const identifier = REQUIREMENT_PATH.exec(path)?.[1];
  if (identifier === undefined) return undefined;
  return resources.requirements(installationId)?.find((entry) => entry.identifier === identifier);
}

/** Whether a ZAF path asks for one of the installation's requirements. */
export const isRequirementPath = (path: string): boolean => REQUIREMENT_PATH.test(path);

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
        id = fake.resources.create(type, payload).id;
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
