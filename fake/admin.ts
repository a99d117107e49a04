/**
 * The account's configuration in the fake Zendesk: ticket fields, macros, views and automations, and each
 * app installation's requirements list (what its install created). Shapes and rules follow Zendesk's REST
 * API: list endpoints answer cursor pages (`page[size]`) or offset pages, creating a ticket field or an
 * automation is for admins (403 for anyone else), reading an installation's requirements is for agents
 * too (Zendesk documents it "Allowed For: Agents"), a dropdown needs options, an automation needs a
 * time-based condition, a condition on status/type/group/assignee/requester and an action that nullifies
 * a condition, and a condition or action may only name a custom field that exists.
 */
import { errorResponse, jsonResponse, recordInvalid, RequestRejection, type FakeRequest } from './http';
import { listPage, offsetPage } from './paging';
import type { FakeResponse } from './http';

/** The configuration resources the fake creates and lists. */
export const RESOURCE_TYPES = ['ticket_fields', 'macros', 'views', 'automations'] as const;
/** One of them, named as in requirements.json and the REST paths. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** The JSON key of one resource in create payloads and answers (`ticket_field`, `macro`...). */
export const SINGULAR: Readonly<Record<ResourceType, string>> = {
  ticket_fields: 'ticket_field',
  macros: 'macro',
  views: 'view',
  automations: 'automation',
};

/** A stored resource: Zendesk's answer object for it (always with `id` and `title`). */
export type Resource = Record<string, unknown> & { readonly id: number; readonly title: string };

/** One entry of an installation's requirements list, as `GET /api/v2/apps/installations/{id}/requirements` answers it. */
export interface InstallationRequirement {
  readonly account_id: number;
  readonly identifier: string;
  readonly requirement_id: number;
  readonly requirement_type: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** Ticket field types Zendesk creates. The offline package validator checks requirements.json with it. */
export const TICKET_FIELD_TYPES: ReadonlySet<string> = new Set([
  'checkbox',
  'date',
  'decimal',
  'integer',
  'lookup',
  'multiselect',
  'partialcreditcard',
  'regexp',
  'tagger',
  'text',
  'textarea',
]);
/**
 * The time-based condition fields of automations (Zendesk's conditions reference: hours since created,
 * open, pending, on-hold, solved, closed, assigned, update, requester update, assignee update, due date
 * and until due date), each compared in hours.
 */
export const TIME_BASED_FIELDS: ReadonlySet<string> = new Set([
  'NEW',
  'OPEN',
  'PENDING',
  'HOLD',
  'SOLVED',
  'CLOSED',
  'assigned_at',
  'updated_at',
  'requester_updated_at',
  'assignee_updated_at',
  'due_date',
  'until_due_date',
]);
/** An automation needs a condition on one of these besides its time-based one. */
export const AUTOMATION_SUBJECTS: ReadonlySet<string> = new Set([
  'status',
  'type',
  'group_id',
  'assignee_id',
  'requester_id',
]);
const CUSTOM_FIELD = /^custom_fields_(\d+)$/u;
const FAKE_ACCOUNT_ID = 1;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function invalid(field: string, message: string): never {
  throw new RequestRejection(recordInvalid(field, message));
}

interface Condition {
  field: string;
  operator: string;
  value: unknown;
}

function conditions(list: unknown, where: string): Condition[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) invalid(where, `${where} must be a list of {field, operator, value}.`);
  return list.map((c: unknown, i) => {
    if (!isObject(c) || typeof c.field !== 'string' || typeof c.operator !== 'string') {
      invalid(where, `${where}[${i}] needs a field and an operator.`);
    }
    return { field: c.field, operator: c.operator, value: c.value ?? null };
  });
}

function actions(list: unknown): { field: string; value: unknown }[] {
  if (!Array.isArray(list) || list.length === 0)
    invalid('actions', 'Actions: at least one action is required.');
  return list.map((a: unknown, i) => {
    if (!isObject(a) || typeof a.field !== 'string' || !('value' in a)) {
      invalid('actions', `actions[${i}] needs a field and a value.`);
    }
    return { field: a.field, value: a.value };
  });
}

const tags = (value: unknown): string[] =>
  (Array.isArray(value) ? value.map(String) : [String(value)])
    .flatMap((t) => t.split(/\s+/u))
    .filter(Boolean);

/** Options of `AccountResources`. */
export interface AccountResourcesOptions {
  readonly origin: string;
  readonly nextId: () => number;
  /** The current time as Zendesk formats it. */
  readonly timestamp: () => string;
}

/** The store behind the configuration endpoints; the install simulation (fake/install.ts) creates through it. */
export class AccountResources {
  private readonly items: Record<ResourceType, Resource[]> = {
    ticket_fields: [],
    macros: [],
    views: [],
    automations: [],
  };
  private readonly installations = new Map<number, InstallationRequirement[]>();

  constructor(private readonly options: AccountResourcesOptions) {}

  /** Copies of the resources of one type, oldest first. */
  list(type: ResourceType): Resource[] {
    return structuredClone(this.items[type]);
  }

  /** A copy of one resource, or undefined. */
  get(type: ResourceType, id: number): Resource | undefined {
    const found = this.items[type].find((item) => item.id === id);
    return found === undefined ? undefined : structuredClone(found);
  }

  /**
   * Creates a resource from its create payload (what `POST /api/v2/<type>` takes inside its singular key)
   * and returns Zendesk's answer object. Throws a RequestRejection carrying the 422 Zendesk would send.
   */
  create(type: ResourceType, payload: unknown): Resource {
    if (!isObject(payload)) invalid(SINGULAR[type], `Send {"${SINGULAR[type]}": {...}}.`);
    const title = payload.title;
    if (typeof title !== 'string' || title.trim() === '') invalid('title', 'Title: cannot be blank.');
    const id = this.options.nextId();
    const at = this.options.timestamp();
    const common = {
      url: `${this.options.origin}/api/v2/${type}/${id}.json`,
      id,
      title,
      raw_title: title,
      description: typeof payload.description === 'string' ? payload.description : null,
      active: payload.active !== false,
      position: this.items[type].length + 1,
      created_at: at,
      updated_at: at,
    };
    let resource: Resource;
    switch (type) {
      case 'ticket_fields':
        resource = { ...common, ...this.ticketField(payload) };
        break;
      case 'macros':
        resource = {
          ...common,
          actions: this.checkFields(actions(payload.actions), 'actions'),
          restriction: payload.restriction ?? null,
          default: false,
        };
        break;
      case 'views': {
        const all = this.checkFields(conditions(payload.all, 'all'), 'all');
        const any = this.checkFields(conditions(payload.any, 'any'), 'any');
        if (!all.length && !any.length)
          invalid('conditions', 'Conditions: a view needs at least one condition.');
        const output = isObject(payload.output) ? payload.output : {};
        resource = {
          ...common,
          conditions: { all, any },
          execution: {
            columns: Array.isArray(output.columns)
              ? output.columns
              : ['status', 'subject', 'requester', 'updated'],
            group_by: output.group_by ?? null,
            sort_by: output.sort_by ?? 'updated',
            sort_order: output.sort_order ?? 'desc',
          },
          restriction: payload.restriction ?? null,
          default: false,
        };
        break;
      }
      case 'automations':
        resource = { ...common, ...this.automation(payload), default: false };
        break;
    }
    this.items[type].push(resource);
    return structuredClone(resource);
  }

  private ticketField(payload: Record<string, unknown>): Record<string, unknown> {
    const type = payload.type;
    if (typeof type !== 'string' || !TICKET_FIELD_TYPES.has(type)) {
      invalid('type', `Type: "${String(type)}" is not a ticket field type.`);
    }
    let options: Record<string, unknown>[] | undefined;
    if (type === 'tagger' || type === 'multiselect') {
      const given = payload.custom_field_options;
      if (!Array.isArray(given) || given.length === 0) {
        invalid('custom_field_options', 'Field options: a drop-down field needs at least one option.');
      }
      const values = new Set<string>();
      options = given.map((o: unknown) => {
        if (
          !isObject(o) ||
          typeof o.name !== 'string' ||
          typeof o.value !== 'string' ||
          o.value.trim() === ''
        ) {
          invalid('custom_field_options', 'Field options: each option needs a name and a tag value.');
        }
        if (values.has(o.value))
          invalid('custom_field_options', `Field options: tag "${o.value}" is used twice.`);
        values.add(o.value);
        return { id: this.options.nextId(), name: o.name, raw_name: o.name, value: o.value, default: false };
      });
    }
    return {
      type,
      raw_description: typeof payload.description === 'string' ? payload.description : null,
      agent_description: typeof payload.agent_description === 'string' ? payload.agent_description : null,
      required: payload.required === true,
      collapsed_for_agents: false,
      regexp_for_validation: null,
      title_in_portal: payload.title_in_portal ?? payload.title,
      visible_in_portal: payload.visible_in_portal === true,
      editable_in_portal: payload.editable_in_portal === true,
      required_in_portal: false,
      tag: null,
      removable: true,
      ...(options === undefined ? {} : { custom_field_options: options }),
    };
  }

  private automation(payload: Record<string, unknown>): Record<string, unknown> {
    const given = isObject(payload.conditions) ? payload.conditions : {};
    const all = this.checkFields(conditions(given.all, 'conditions.all'), 'conditions.all');
    const any = this.checkFields(conditions(given.any, 'conditions.any'), 'conditions.any');
    const acts = this.checkFields(actions(payload.actions), 'actions');
    if (!all.some((c) => TIME_BASED_FIELDS.has(c.field))) {
      invalid('conditions', 'Conditions: an automation needs at least one time-based condition in "all".');
    }
    if (!all.some((c) => AUTOMATION_SUBJECTS.has(c.field))) {
      invalid(
        'conditions',
        'Conditions: an automation needs a condition on status, type, group, assignee or requester in "all".',
      );
    }
    const nullified = all.some((c) =>
      acts.some((a) =>
        c.field === 'current_tags' && c.operator === 'not_includes' && a.field === 'current_tags'
          ? tags(c.value).some((t) => tags(a.value).includes(t))
          : a.field === c.field && c.operator === 'is' && a.value !== c.value,
      ),
    );
    if (!nullified) {
      invalid(
        'actions',
        'Actions: the automation must nullify one of its conditions, or it would run again and again.',
      );
    }
    return { conditions: { all, any }, actions: acts };
  }

  /** A condition or action may name a custom field only when the account has it. */
  private checkFields<Item extends { field: string }>(items: Item[], where: string): Item[] {
    for (const item of items) {
      const match = CUSTOM_FIELD.exec(item.field);
      if (match === null) {
        if (item.field.startsWith('custom_fields_'))
          invalid(where, `${where}: "${item.field}" is not a field.`);
        continue;
      }
      if (!this.items.ticket_fields.some((f) => f.id === Number(match[1]))) {
        invalid(where, `${where}: ticket field ${match[1]} does not exist in this account.`);
      }
    }
    return items;
  }

  /** Records that an installation's install created `requirementId` for `identifier`. */
  addRequirement(installationId: number, identifier: string, type: string, requirementId: number): void {
    const at = this.options.timestamp();
    const list = this.installations.get(installationId) ?? [];
    list.push({
      account_id: FAKE_ACCOUNT_ID,
      identifier,
      requirement_id: requirementId,
      requirement_type: type,
      created_at: at,
      updated_at: at,
    });
    this.installations.set(installationId, list);
  }

  /** Starts an installation's requirements list (empty until its install creates something). */
  addInstallation(installationId: number): void {
    if (!this.installations.has(installationId)) this.installations.set(installationId, []);
  }

  /** Whether an installation exists (it has had its requirements installed). */
  hasInstallation(installationId: number): boolean {
    return this.installations.has(installationId);
  }

  /** Copies of an installation's requirements, or undefined for an unknown installation. */
  requirements(installationId: number): InstallationRequirement[] | undefined {
    const list = this.installations.get(installationId);
    return list === undefined ? undefined : structuredClone(list);
  }

  /**
   * The REST endpoints, for the fake's router: `role()` is the signed-in user's role. Paths are matched
   * after `/api/v2/`, without `.json`.
   */
  routes(role: () => string): {
    readonly method: 'GET' | 'POST';
    readonly path: string;
    readonly handle: (request: FakeRequest, params: readonly string[]) => FakeResponse;
  }[] {
    const adminOnly = (): void => {
      if (role() !== 'admin') {
        throw new RequestRejection(
          errorResponse(
            403,
            'Forbidden',
            'You do not have access to this page. Please contact the account owner of this help desk for further help.',
          ),
        );
      }
    };
    const endpoints = RESOURCE_TYPES.flatMap((type) => [
      {
        method: 'GET' as const,
        path: type,
        handle: (request: FakeRequest) =>
          jsonResponse(200, listPage(type, this.items[type], request, this.options.origin)),
      },
      {
        method: 'GET' as const,
        path: `${type}/(\\d+)`,
        handle: (_request: FakeRequest, [id]: readonly string[]) => {
          const found = this.get(type, Number(id));
          return found === undefined
            ? errorResponse(404, 'RecordNotFound', 'Not found')
            : jsonResponse(200, { [SINGULAR[type]]: found });
        },
      },
      {
        method: 'POST' as const,
        path: type,
        handle: (request: FakeRequest) => {
          // Agents may create personal macros and views; ticket fields and automations are an admin's.
          if (type === 'ticket_fields' || type === 'automations') adminOnly();
          const body = isObject(request.body) ? request.body[SINGULAR[type]] : undefined;
          const created = this.create(type, body);
          return jsonResponse(201, { [SINGULAR[type]]: created }, { location: String(created.url) });
        },
      },
    ]);
    return [
      ...endpoints,
      {
        method: 'GET',
        path: 'apps/installations/(\\d+)/requirements',
        handle: (request, [id]) => {
          const list = this.requirements(Number(id));
          if (list === undefined) return errorResponse(404, 'RecordNotFound', 'Not found');
          return jsonResponse(200, offsetPage('requirements', list, request, this.options.origin));
        },
      },
    ];
  }
}
