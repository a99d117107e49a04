/**
 * Setup for the sidebar's jsdom tests: what jsdom lacks and Garden reads when it loads (matchMedia for
 * the colour scheme), and unmounting between tests (vitest runs without globals).
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

if (typeof window.matchMedia !== 'function') {
  // A media query that never matches (light colour scheme); only the methods Garden calls.
  window.matchMedia = (query: string) => {
    const list = Object.assign(new EventTarget(), { matches: false, media: query, onchange: null });
    return list as unknown as MediaQueryList;
  };
}

afterEach(() => {
  cleanup();
});
