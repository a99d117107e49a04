import { useEffect, useRef, useState } from 'react';
import { groupProblems } from '../zendesk/groups';
import type { AppSettings, ZafClient } from '../zendesk/types';

/**
 * The settings problems of the configured team groups (src/zendesk/groups.ts), checked once per sidebar
 * as soon as `ready` (the first suggestion or error is on screen), so the check never delays the
 * suggestion. Empty until the answer arrives.
 */
export function useGroupCheck(client: ZafClient, settings: AppSettings, ready: boolean): string[] {
  const [problems, setProblems] = useState<string[]>([]);
  // One request per sidebar, however often the effect runs (a remount in development, a re-render).
  const check = useRef<Promise<string[]> | null>(null);
  useEffect(() => {
    if (!ready) return;
    check.current ??= groupProblems(client, settings.groups);
    let live = true;
    void check.current.then((found) => {
      if (live) setProblems(found);
    });
    return () => {
      live = false;
    };
  }, [client, settings, ready]);
  return problems;
}
