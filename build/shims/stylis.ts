/**
 * stylis as styled-components sees it in the sidebar bundle: everything stylis exports, except its
 * vendor prefixer (1.5 KB gzipped). styled-components 6 adds vendor prefixes only when a
 * `StyleSheetManager` sets `enableVendorPrefixes`, which the app never does (Zendesk supports current
 * browsers, which need none), yet it references the prefixer, so a bundler keeps it.
 */
export * from 'stylis';

/** Stands in for stylis' prefixer; reached only if `enableVendorPrefixes` were turned on. */
export function prefixer(): never {
  throw new Error(
    'Vendor prefixes are left out of this build (build/shims/stylis.ts); do not set enableVendorPrefixes.',
  );
}
