/**
 * Offline checks of requirements.json, as Zendesk's validator (zendesk_apps_support) and its create
 * endpoints would refuse it: known resource types only, each resource an object under a unique identifier,
 * a `title` (a `key` for user and organization fields), the create payload each type needs, an automation
 * Zendesk accepts (a time-based condition, a condition on status, type, group, assignee or requester, and
 * an action that nullifies a condition), and no resource naming another: Zendesk has no syntax for one
 * requirement to refer to the id of another (a `{{ticket_fields.<identifier>}}` would reach Zendesk as
 * text), and a field id from some account would not exist in the installing one.
 */

import { AUTOMATION_SUBJECTS, TICKET_FIELD_TYPES, TIME_BASED_FIELDS } from '../fake/admin';

/** The resource types requirements.json may hold (Zendesk's "Supported resource types"). */
export const REQUIREMENT_TYPES = [
  'automations',
  'channel_integrations',
  'custom_objects',
  'custom_objects_v2',
  'macros',
  'organization_fields',
  'targets',
  'ticket_fields',
  'triggers',
  'user_fields',
  'views',
  'webhooks',
] as const;

/** Zendesk's limit on the resources one app may require. */
const MAX_REQUIREMENTS = 5000;

/** `{{<resource type>.<anything>}}`: what a reference from one requirement to another would look like. */
const RESOURCE_REFERENCE = new RegExp(`\\{\\{\\s*(${REQUIREMENT_TYPES.join('|')})\\.[^}]*\\}\\}`, 'u');
const FIELD_BY_ID = /^custom_fields_\d+$/u;
const NO_REFERENCES =
  'Zendesk has no syntax for one requirement to refer to another (the id of what it creates is known only once it is installed); filter on what needs no id, such as a tag';

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keys that appear twice in one object of a JSON text (JSON.parse silently keeps the last). */
export function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  // One entry per open object (its keys so far) or array (null).
  const stack: (Set<string> | null)[] = [];
  const expectKey: boolean[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top instanceof Set && expectKey[expectKey.length - 1] === true) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.has(key)) found.push(key);
        top.add(key);
        expectKey[expectKey.length - 1] = false;
      }
      i = j + 1;
      continue;
    }
    if (c === '{') {
      stack.push(new Set());
      expectKey.push(true);
    } else if (c === '[') {
      stack.push(null);
      expectKey.push(false);
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey.pop();
    } else if (c === ',' && stack[stack.length - 1] instanceof Set) {
      expectKey[expectKey.length - 1] = true;
    }
    i += 1;
  }
  return found;
}

function conditionList(where: string, list: unknown, out: string[]): Record<string, unknown>[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    out.push(`${where} must be a list of conditions`);
    return [];
  }
  return list.flatMap((c: unknown, i) => {
    if (!isObject(c) || typeof c.field !== 'string' || typeof c.operator !== 'string' || !('value' in c)) {
      out.push(`${where}[${i}] needs "field", "operator" and "value"`);
      return [];
    }
    return [c];
  });
}

function actionList(where: string, list: unknown, out: string[]): Record<string, unknown>[] {
  if (!Array.isArray(list) || list.length === 0) {
    out.push(`${where} needs at least one action`);
    return [];
  }
  return list.flatMap((a: unknown, i) => {
    if (!isObject(a) || typeof a.field !== 'string' || !('value' in a)) {
      out.push(`${where}[${i}] needs "field" and "value"`);
      return [];
    }
    return [a];
  });
}

const tagsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value.map(String) : [String(value)])
    .flatMap((t) => t.split(/\s+/u))
    .filter(Boolean);

/** Whether an action makes a condition false once it ran (Zendesk's "nullifying" rule for automations). */
function nullifies(conditions: Record<string, unknown>[], actions: Record<string, unknown>[]): boolean {
  return conditions.some((c) =>
    actions.some((a) => {
      if (c.field === 'current_tags' && c.operator === 'not_includes' && a.field === 'current_tags') {
        return tagsOf(c.value).some((t) => tagsOf(a.value).includes(t));
      }
      if (c.field === 'current_tags' && c.operator === 'includes' && a.field === 'remove_tags') {
        return tagsOf(c.value).some((t) => tagsOf(a.value).includes(t));
      }
      return a.field === c.field && c.operator === 'is' && a.value !== c.value;
    }),
  );
}

/** Every problem Zendesk would refuse requirements.json for, one sentence each; empty when it is valid. */
export function checkRequirements(input: unknown): string[] {
  let data: unknown = input;
  const out: string[] = [];
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input) as unknown;
    } catch (e) {
      return [`requirements.json is not JSON: ${e instanceof Error ? e.message : String(e)}`];
    }
    for (const key of new Set(duplicateKeys(input)))
      out.push(`requirements.json names "${key}" twice in one object`);
  }
  if (!isObject(data)) return [...out, 'requirements.json must be a JSON object of resource types'];

  const known = new Set<string>(REQUIREMENT_TYPES);
  const owner = new Map<string, string>();
  let count = 0;
  for (const [type, resources] of Object.entries(data)) {
    if (!known.has(type)) {
      out.push(`requirements.json has unknown resource type "${type}"; use ${REQUIREMENT_TYPES.join(', ')}`);
      continue;
    }
    if (!isObject(resources)) {
      out.push(`requirements.json ${type} must be an object of resources keyed by your identifiers`);
      continue;
    }
    if (type === 'custom_objects' || type === 'custom_objects_v2') continue;
    for (const [identifier, resource] of Object.entries(resources)) {
      count += 1;
      const where = `${type}.${identifier}`;
      const other = owner.get(identifier);
      if (other !== undefined) out.push(`identifier "${identifier}" is used by both ${other} and ${type}`);
      owner.set(identifier, type);
      if (!/^[A-Za-z0-9_.-]+$/u.test(identifier))
        out.push(`${where}: an identifier is letters, digits, _ . and -`);
      if (!isObject(resource)) {
        out.push(`${where} must be an object (the resource's create payload)`);
        continue;
      }
      if (type === 'channel_integrations') {
        if (typeof resource.manifest_url !== 'string') out.push(`${where} needs "manifest_url"`);
        continue;
      }
      if (typeof resource.title !== 'string' || resource.title.trim() === '')
        out.push(`${where} needs a "title"`);
      if ((type === 'user_fields' || type === 'organization_fields') && typeof resource.key !== 'string') {
        out.push(`${where} needs a "key"`);
      }
    }
  }
  if (count > MAX_REQUIREMENTS)
    out.push(`requirements.json declares ${count} resources; Zendesk allows ${MAX_REQUIREMENTS}`);

  const fields = isObject(data.ticket_fields) ? data.ticket_fields : {};
  for (const [identifier, field] of Object.entries(fields)) {
    if (!isObject(field)) continue;
    const where = `ticket_fields.${identifier}`;
    if (typeof field.type !== 'string' || !TICKET_FIELD_TYPES.has(field.type)) {
      out.push(
        `${where} has type ${JSON.stringify(field.type)}; use one of ${[...TICKET_FIELD_TYPES].join(', ')}`,
      );
    }
    if (field.type === 'tagger' || field.type === 'multiselect') {
      const options = field.custom_field_options;
      if (!Array.isArray(options) || options.length === 0) {
        out.push(`${where} is a ${field.type}, so it needs "custom_field_options"`);
      } else {
        const values = new Set<string>();
        options.forEach((o: unknown, i) => {
          if (!isObject(o) || typeof o.name !== 'string' || typeof o.value !== 'string' || o.value === '') {
            out.push(`${where}.custom_field_options[${i}] needs a "name" and a "value"`);
            return;
          }
          if (/\s/u.test(o.value))
            out.push(`${where}: option value "${o.value}" becomes a tag, so it has no spaces`);
          if (values.has(o.value)) out.push(`${where}: option value "${o.value}" appears twice`);
          values.add(o.value);
        });
      }
    }
  }

  const referenced = (where: string, field: unknown): void => {
    if (typeof field !== 'string') return;
    if (FIELD_BY_ID.test(field)) {
      out.push(
        `${where} names ${field}, a field id of some account, which the installing account does not have; ${NO_REFERENCES}`,
      );
    } else if (field.includes('{{') && !RESOURCE_REFERENCE.test(field)) {
      out.push(`${where} names the field "${field}" through a placeholder; ${NO_REFERENCES}`);
    }
  };

  for (const [kind, key] of [
    ['views', 'view'],
    ['triggers', 'trigger'],
    ['automations', 'automation'],
  ] as const) {
    const resources = isObject(data[kind]) ? data[kind] : {};
    for (const [identifier, r] of Object.entries(resources)) {
      if (!isObject(r)) continue;
      const where = `${kind}.${identifier}`;
      // A view's create payload has `all`/`any`; triggers and automations hold them in `conditions`.
      const holder = key === 'view' ? r : isObject(r.conditions) ? r.conditions : null;
      if (holder === null) {
        out.push(`${where} needs "conditions" with "all" and/or "any"`);
        continue;
      }
      const all = conditionList(`${where} all`, holder.all, out);
      const any = conditionList(`${where} any`, holder.any, out);
      if (!all.length && !any.length) out.push(`${where} needs at least one condition`);
      for (const c of [...all, ...any]) referenced(where, c.field);
      if (key === 'view') continue;
      const actions = actionList(`${where} actions`, r.actions, out);
      for (const a of actions) referenced(where, a.field);
      if (key !== 'automation') continue;
      if (!all.some((c) => typeof c.field === 'string' && TIME_BASED_FIELDS.has(c.field))) {
        out.push(
          `${where} needs a time-based condition in "all" (one of ${[...TIME_BASED_FIELDS].join(', ')}, in hours)`,
        );
      }
      if (!all.some((c) => AUTOMATION_SUBJECTS.has(String(c.field)))) {
        out.push(`${where} needs an "all" condition on status, type, group_id, assignee_id or requester_id`);
      }
      if (any.some((c) => typeof c.field === 'string' && TIME_BASED_FIELDS.has(c.field))) {
        out.push(`${where}: time-based conditions belong in "all", not "any"`);
      }
      if (!nullifies(all, actions)) {
        out.push(
          `${where} must nullify itself: an action must make one of its conditions false (e.g. add a tag it checks is absent)`,
        );
      }
    }
  }

  const macros = isObject(data.macros) ? data.macros : {};
  for (const [identifier, m] of Object.entries(macros)) {
    if (!isObject(m)) continue;
    const where = `macros.${identifier}`;
    for (const a of actionList(`${where} actions`, m.actions, out)) referenced(where, a.field);
  }

  // A reference in any value (a condition's value, a macro's text...) would equally reach Zendesk as text.
  for (const [type, resources] of Object.entries(data)) {
    if (!isObject(resources)) continue;
    for (const [identifier, resource] of Object.entries(resources)) {
      const found = strings(resource).find((text) => RESOURCE_REFERENCE.test(text));
      if (found !== undefined) {
        const reference = RESOURCE_REFERENCE.exec(found)?.[0] ?? found;
        out.push(`${type}.${identifier} refers to another resource with ${reference}; ${NO_REFERENCES}`);
      }
    }
  }
  return out;
}

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}
