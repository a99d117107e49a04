/**
 * Who is confirming, for the note's "Confirmed by" line. Interim: this one host read belongs in
 * src/zendesk (e.g. as `LoadResult.agent`); it moves there once that exists.
 */
import type { ZafClient } from '../zendesk/types';

/** The signed-in agent. */
export interface Agent {
  id: number;
  name: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Reads `currentUser` from the host; throws with what to do when the host does not say who it is. */
export async function readAgent(client: ZafClient): Promise<Agent> {
  const answer = await client.get('currentUser');
  const user = answer.currentUser;
  if (isRecord(user) && typeof user.id === 'number' && typeof user.name === 'string') {
    return { id: user.id, name: user.name };
  }
  throw new Error('Zendesk did not say who is signed in (currentUser). Reload the page and try again.');
}
