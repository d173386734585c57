/** Which credential on a page a guide is about. Apart from the machine so the content script does not load every flow. */
import { normName } from '../credentials/merge';
import type { GuideState } from './machine';

/** True when a credential read on a page is the one being renewed (same kind; the topic, else the name). */
export function guideMatches(state: GuideState, c: { kind: string; name: string; topic?: string | undefined }): boolean {
  if (c.kind !== state.kind) return false;
  if (state.topic || c.topic) return !!state.topic && c.topic === state.topic;
  return normName(c.name) === normName(state.name);
}
