/**
 * The reader, the badges, the notes and the guide's follower of a console frame, loaded into it by
 * the background once the frame shows something to read (entrypoints/console.content decides,
 * cheaply). It runs in the extension's isolated world beside that small script, which hands it
 * its context: both stop together when the extension is disabled, reloaded or updated.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { browser } from 'wxt/browser';
import { startOverlay } from '../components/overlay/controller';
import { send } from '../lib/messages';
import { adoptMessages } from '../lib/i18n';
import { consoleForUrl } from '../lib/consoles/hosts';
import { ACCESS_KEY, readAccess } from '../lib/consoles/sites';
import type { AddedSite } from '../lib/consoles/types';
import type { OverlayRenderer } from './overlay-ui';
import type { EarlyPresses } from '../components/overlay/early-presses';

export interface ConsoleReader {
  /** Reads the frame and draws what it finds until `ctx` is invalidated; `early` gives the admin's presses made before it started. */
  start(ctx: ContentScriptContext, early?: EarlyPresses): Promise<void>;
}

/** The panel and guide card's renderer, once the background has loaded it into this frame (entrypoints/overlay-ui.tsx). */
const renderer = () => (globalThis as unknown as { __tokenRadarOverlay?: OverlayRenderer }).__tokenRadarOverlay;

/** The UI's messages from the worker, once they came (see loadMessages). */
let messages: Record<string, string> | undefined;

async function loadRenderer(): Promise<void> {
  if (renderer()) return;
  const answer = await send({ type: 'load-overlay' });
  const loaded = renderer();
  if (!answer?.ok || !loaded) throw new Error('The overlay could not be loaded.');
  if (messages) loaded.messages(messages);
}

/**
 * Asks the worker for the UI's messages, without waiting for them: the browser's own lookup in a
 * page's frame makes the console wait for the whole catalogue the first time. Until they come (or
 * if the worker never answers), translations come from the browser as before.
 */
function loadMessages(): void {
  send({ type: 'messages' }).then(
    (answer) => {
      if (!answer?.ok) return;
      messages = answer.messages;
      adoptMessages(messages);
      renderer()?.messages(messages);
    },
    () => undefined,
  );
}

async function start(ctx: ContentScriptContext, early?: EarlyPresses): Promise<void> {
  loadMessages();
  // An added console's address: which console it is comes from the list the background keeps (it
  // registered the small script for that host). The list is read first, so that an address the
  // admin added wins over a built-in host, as it does everywhere else.
  const sites: readonly AddedSite[] = readAccess((await browser.storage.local.get(ACCESS_KEY))[ACCESS_KEY]).sites;
  const consoleId = consoleForUrl(location.href, sites);
  if (!consoleId || ctx.isInvalid) {
    early?.();
    return;
  }
  // The shadow root, its styles and the panel are created only when there is something to show.
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let container: HTMLElement | null = null;
  let pending: Promise<HTMLElement> | undefined;
  let removed = false;
  startOverlay(ctx, sites, {
    render: (props, into) => renderer()?.render(props, into),
    container: () => container,
    mount: () =>
      (pending ??= loadRenderer()
        .then(() =>
          renderer()!
            .createUi(ctx, consoleId)
            .then((created) => {
              ui = created;
              if (!removed) {
                created.mount();
                container = created.uiContainer;
              }
              return created.uiContainer;
            }),
        )
        .catch((error: unknown) => {
          // The worker could not load the panel (it was restarting): the next draw asks again.
          pending = undefined;
          throw error;
        })),
    remove: () => {
      removed = true;
      container = null;
      ui?.remove();
    },
  }, early);
}

export default defineUnlistedScript(() => {
  const world = globalThis as unknown as { __tokenRadarReader?: ConsoleReader };
  world.__tokenRadarReader ??= { start };
});
