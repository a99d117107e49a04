/**
 * The ZAF SDK 2.0.11 reads `window.Promise || require('./vendor/native-promise-only')`: the polyfill is
 * only for browsers without promises, which Zendesk no longer supports, yet a bundler must include it
 * (0.9 KB gzipped). The build resolves that require to this module, the browser's own Promise, which is
 * what the SDK uses anyway.
 */
export default Promise;
