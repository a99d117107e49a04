/**
 * Garden 9's `getFocusBoxShadow` still accepts the version-8 colour arguments (`hue`, `shade`,
 * `spacerHue`), for which it calls `getColorV8` and its version-8 palette (0.9 KB gzipped). No Garden 9
 * component passes them (they pass `color: { hue }` or `color: { variable }`), and neither does the app,
 * so the sidebar build resolves that one import to this stand-in. `getColorV8` imported from
 * `@zendeskgarden/react-theming` itself stays the real one.
 */
export function getColorV8(hue: unknown): never {
  throw new Error(
    `getFocusBoxShadow was given the version-8 colour argument hue/spacerHue (${String(hue)}); pass color: { hue } or color: { variable } instead.`,
  );
}
