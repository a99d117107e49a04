/**
 * Offline checks of a Zendesk app package against the rules Zendesk's validator applies on upload
 * (zendesk_apps_support: manifest, parameters, locations, translations). `zcli apps:validate` needs a live
 * account; this runs anywhere, on the built package folder, before `npm run package` zips it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkRequirements } from './validate-requirements';

/** A package as the checks see it: parsed manifest, parsed translation files by locale, and its file list. */
export interface AppPackage {
  manifest: unknown;
  /** Parsed `translations/<locale>.json` by locale; a file that is not JSON maps to an Error. */
  translations: Record<string, unknown>;
  /** Every file's path relative to the package root, with `/` separators. */
  files: readonly string[];
  /** requirements.json: its text as read (or a parsed object); absent when the package has none. */
  requirements?: unknown;
}

/** The parameter types Zendesk accepts. */
export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'] as const;

/** Support locations Zendesk knows; an unknown one is rejected. */
const SUPPORT_LOCATIONS = new Set([
  'background',
  'modal',
  'nav_bar',
  'new_ticket_sidebar',
  'organization_sidebar',
  'ticket_editor',
  'ticket_sidebar',
  'top_bar',
  'user_sidebar',
]);
const HOSTS = new Set(['support', 'chat', 'sell']);
/** Locations shown as a button in a bar: each needs `assets/icon_<location>.svg`. */
const ICON_LOCATIONS = new Set(['nav_bar', 'top_bar']);
const VALID_LOCALE = /^[a-z]{2}(-\w{2,3})?$/;
const BOOLEAN_KEYS = ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly'] as const;
const STRING_KEYS = ['name', 'defaultLocale', 'version', 'frameworkVersion'] as const;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function at(obj: unknown, path: readonly string[]): unknown {
  let node = obj;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function checkParameters(parameters: unknown): string[] {
  if (parameters === undefined) return [];
  if (!Array.isArray(parameters)) return ['manifest.parameters must be a list'];
  const out: string[] = [];
  const seen = new Set<string>();
  let oauth = 0;
  parameters.forEach((p: unknown, i) => {
    if (!isObject(p) || typeof p.name !== 'string' || p.name === '') {
      out.push(`manifest.parameters[${i}] needs a "name"`);
      return;
    }
    const where = `parameter "${p.name}"`;
    if (seen.has(p.name)) out.push(`${where} is declared twice`);
    seen.add(p.name);
    if (p.name === 'name') out.push(`${where}: "name" is reserved and cannot be a parameter name`);
    const type = p.type ?? 'text';
    if (typeof type !== 'string' || !(PARAMETER_TYPES as readonly string[]).includes(type)) {
      out.push(`${where} has type ${JSON.stringify(type)}; use one of ${PARAMETER_TYPES.join(', ')}`);
    }
    for (const key of ['required', 'secure'] as const) {
      if (p[key] !== undefined && typeof p[key] !== 'boolean') {
        out.push(`${where}: "${key}" must be true or false, not ${JSON.stringify(p[key])}`);
      }
    }
    if (type === 'hidden' && p.required === true) out.push(`${where} is hidden, so it cannot be required`);
    out.push(...checkSecureParameter(where, p));
    if (type === 'oauth') {
      oauth++;
      if (p.secure === true) out.push(`${where} is oauth, so it cannot be secure`);
    }
  });
  if (oauth > 1) out.push('manifest.parameters has more than one oauth parameter');
  return out;
}

/** The places Zendesk's proxy may put a secure setting (zendesk_apps_support's list). */
const SECURE_SCOPES = new Set([
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
]);

/** Scopes only on secure parameters, from Zendesk's list; no default on a secure one (stored in the clear). */
function checkSecureParameter(where: string, p: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (p.secure === true && 'default' in p) out.push(`${where} is secure, so it must have no default`);
  if (p.scopes === undefined) return out;
  if (p.secure !== true) out.push(`${where}: "scopes" cannot be defined in a non-secure parameter`);
  if (!Array.isArray(p.scopes) || p.scopes.length === 0)
    return [...out, `${where}: "scopes" must be a non-empty list`];
  const invalid = (p.scopes as unknown[]).filter(
    (scope) => typeof scope !== 'string' || !SECURE_SCOPES.has(scope),
  );
  if (invalid.length > 0)
    out.push(`${where}: "scopes" has invalid scopes: ${invalid.map(String).join(', ')}`);
  return out;
}

/** `domainWhitelist`: a list of host names (the proxy compares hosts; a URL or path never matches). */
function checkDomainWhitelist(list: unknown): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return ['manifest.domainWhitelist must be a list of host names'];
  return (list as unknown[]).flatMap((entry) =>
    typeof entry === 'string' &&
    /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(entry)
      ? []
      : [
          `manifest.domainWhitelist entry ${JSON.stringify(entry)} must be a host name such as hooks.slack.com`,
        ],
  );
}

function checkLocationUrl(where: string, url: unknown, files: ReadonlySet<string>): string[] {
  if (typeof url !== 'string' || url === '') return [`${where} needs a "url"`];
  if (url.includes('{{setting.')) return [];
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    const parsed = isHttpUrl(url) ? new URL(url) : null;
    return parsed && (parsed.protocol === 'https:' || parsed.hostname === 'localhost')
      ? []
      : [`${where} URL ${url} must be https (or http://localhost)`];
  }
  const path = url.split(/[?#]/)[0] ?? '';
  if (!path.startsWith('assets/')) return [`${where} URL ${url} must start with assets/`];
  if (!files.has(path)) return [`${where} URL ${url} is not in the package (build it first)`];
  return [];
}

function checkLocations(location: unknown, files: ReadonlySet<string>): string[] {
  if (!isObject(location) || Object.keys(location).length === 0) return ['manifest.location is missing'];
  const out: string[] = [];
  for (const [host, places] of Object.entries(location)) {
    if (!HOSTS.has(host)) {
      out.push(`manifest.location has unknown host "${host}"`);
      continue;
    }
    if (!isObject(places)) {
      out.push(`manifest.location.${host} must be an object of locations`);
      continue;
    }
    for (const [name, options] of Object.entries(places)) {
      const where = `location ${host}.${name}`;
      if (host === 'support' && !SUPPORT_LOCATIONS.has(name)) out.push(`${where} is not a Support location`);
      // Zendesk draws a bar location's button from the package's SVG icon of that name.
      const icon = `assets/icon_${name}.svg`;
      if (host === 'support' && ICON_LOCATIONS.has(name) && !files.has(icon)) {
        out.push(`${where} needs its icon ${icon} in the package`);
      }
      if (typeof options === 'string') {
        out.push(...checkLocationUrl(where, options, files));
      } else if (isObject(options)) {
        out.push(...checkLocationUrl(where, options.url, files));
        if (options.flexible !== undefined && typeof options.flexible !== 'boolean') {
          out.push(`${where}: "flexible" must be true or false`);
        }
      } else {
        out.push(`${where} must be a URL or an object with a "url"`);
      }
    }
  }
  return out;
}

/** Every leaf of a translation file must be text (or Zendesk's `{title, value}` pair). */
function checkTranslationLeaves(node: unknown, path: string, out: string[]): void {
  if (typeof node === 'string') return;
  if (!isObject(node)) {
    out.push(`${path} must be text, not ${JSON.stringify(node)}`);
    return;
  }
  for (const [key, value] of Object.entries(node)) checkTranslationLeaves(value, `${path}.${key}`, out);
}

function checkTranslations(pkg: AppPackage, manifest: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [locale, content] of Object.entries(pkg.translations)) {
    const file = `translations/${locale}.json`;
    if (!VALID_LOCALE.test(locale)) out.push(`${file}: "${locale}" is not a locale name`);
    if (content instanceof Error) out.push(`${file} is not JSON: ${content.message}`);
    else if (!isObject(content)) out.push(`${file} must be a JSON object`);
    else checkTranslationLeaves(content, file, out);
  }
  const locale = manifest.defaultLocale;
  if (typeof locale !== 'string') return out;
  if (!VALID_LOCALE.test(locale)) return [...out, `manifest.defaultLocale "${locale}" is not a locale name`];
  const main = pkg.translations[locale];
  if (main === undefined) return [...out, `translations/${locale}.json (the default locale) is missing`];
  const file = `translations/${locale}.json`;
  const required =
    manifest.private === false
      ? ['name', 'short_description', 'long_description', 'installation_instructions']
      : ['name'];
  for (const key of required) {
    if (typeof at(main, ['app', key]) !== 'string') out.push(`${file} needs app.${key}`);
  }
  if (Array.isArray(manifest.parameters)) {
    for (const p of manifest.parameters as unknown[]) {
      if (!isObject(p) || typeof p.name !== 'string') continue;
      if (typeof at(main, ['app', 'parameters', p.name, 'label']) !== 'string') {
        out.push(`${file} needs app.parameters.${p.name}.label`);
      }
    }
  }
  return out;
}

/** Every problem Zendesk would reject the package for, one sentence each; empty when it is valid. */
export function checkPackage(pkg: AppPackage): string[] {
  const m = pkg.manifest;
  if (m === undefined) return ['manifest.json is missing from the package root'];
  if (m instanceof Error) return [`manifest.json is not JSON: ${m.message}`];
  if (!isObject(m)) return ['manifest.json must be a JSON object'];
  const files = new Set(pkg.files);
  const out: string[] = [];

  for (const key of ['author', 'defaultLocale', 'location', 'frameworkVersion'] as const) {
    if (m[key] === undefined) out.push(`manifest.json needs "${key}"`);
  }
  for (const key of STRING_KEYS) {
    if (m[key] !== undefined && typeof m[key] !== 'string') out.push(`manifest.${key} must be text`);
  }
  for (const key of BOOLEAN_KEYS) {
    if (m[key] !== undefined && typeof m[key] !== 'boolean')
      out.push(`manifest.${key} must be true or false`);
  }
  if (m.frameworkVersion !== undefined && m.frameworkVersion !== '2.0') {
    out.push(`manifest.frameworkVersion is ${JSON.stringify(m.frameworkVersion)}; iframe apps need "2.0"`);
  }
  if (m.author !== undefined) {
    if (!isObject(m.author)) out.push('manifest.author must be an object with name and email');
    else {
      for (const key of ['name', 'email'] as const) {
        if (typeof m.author[key] !== 'string' || m.author[key] === '')
          out.push(`manifest.author needs "${key}"`);
      }
      if (m.author.url !== undefined && (typeof m.author.url !== 'string' || !isHttpUrl(m.author.url))) {
        out.push('manifest.author.url must be an http(s) URL');
      }
    }
  }
  out.push(...checkParameters(m.parameters));
  out.push(...checkDomainWhitelist(m.domainWhitelist));
  if (m.location !== undefined) out.push(...checkLocations(m.location, files));
  out.push(...checkTranslations(pkg, m));
  if (pkg.requirements !== undefined) {
    if (m.requirementsOnly === true && m.location !== undefined)
      out.push('a requirements-only app has no location');
    out.push(...checkRequirements(pkg.requirements));
  } else if (m.requirementsOnly === true) {
    out.push('manifest.requirementsOnly is true, so the package needs requirements.json');
  }
  return out;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/**
 * Files the build leaves in dist/ for local use only, never uploaded: zcli's setting values for
 * `zcli apps:server`, and Vite's build manifest (assets/.vite/), which the size checks read to know
 * which scripts each page loads.
 */
export function isLocalOnly(file: string): boolean {
  return file === 'zcli.apps.config.json' || file.startsWith('assets/.vite/');
}

/** Reads a package folder (e.g. dist/) from disk. */
export function readPackage(dir: string): AppPackage {
  const files = listFiles(dir);
  const translations: Record<string, unknown> = {};
  for (const file of files) {
    const match = /^translations\/(.+)\.json$/.exec(file);
    if (match?.[1]) translations[match[1]] = readJson(join(dir, file));
  }
  const manifestPath = join(dir, 'manifest.json');
  const requirementsPath = join(dir, 'requirements.json');
  return {
    manifest: existsSync(manifestPath) ? readJson(manifestPath) : undefined,
    translations,
    files,
    ...(existsSync(requirementsPath) ? { requirements: readFileSync(requirementsPath, 'utf8') } : {}),
  };
}
