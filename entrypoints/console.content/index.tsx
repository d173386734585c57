import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { startOverlay } from '../../components/overlay/controller';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messages';
import type { OverlayRenderer } from '../overlay-ui';

import { consoleForUrl, hostPermissions } from '../../lib/consoles/hosts';
import { ACCESS_KEY, readAccess } from '../../lib/consoles/sites';
import type { AddedSite } from '../../lib/consoles/types';
import overlayCss from '../../components/overlay/overlay.css?inline';

/** The panel and guide card's renderer, once the background has loaded it into this frame (entrypoints/overlay-ui.tsx). */
const renderer = () => (globalThis as unknown as { __tokenRadarOverlay?: OverlayRenderer }).__tokenRadarOverlay;

async function loadRenderer(): Promise<void> {
  if (renderer()) return;
  const answer = await send({ type: 'load-overlay' });
  if (!answer?.ok || !renderer()) throw new Error('The overlay could not be loaded.');
}

export default defineContentScript({
  matches: hostPermissions,
  allFrames: true,
  runAt: 'document_idle',
  // The overlay's CSS is inlined into its shadow root: no web-accessible resource to expose.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // A console added at its own address is registered for its host by the background; which
    // console it is comes from the same list.
    let sites: readonly AddedSite[] = [];
    let consoleId = consoleForUrl(location.href);
    if (!consoleId) {
      sites = readAccess((await browser.storage.local.get(ACCESS_KEY))[ACCESS_KEY]).sites;
      consoleId = consoleForUrl(location.href, sites);
    }
    if (!consoleId) return;
    // The shadow root, its styles and the panel are created only when there is something to show:
    // most frames of a console never show a credential and so never get any UI.
    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let container: HTMLElement | null = null;
    let pending: Promise<HTMLElement> | undefined;
    let removed = false;
    startOverlay(ctx, sites, {
      render: (props, into) => renderer()?.render(props, into),
      container: () => container,
      mount: () =>
        (pending ??= loadRenderer().then(() => createShadowRootUi(ctx, {
          name: 'token-radar-overlay',
          css: overlayCss,
          position: 'inline',
          anchor: 'body',
          append: 'last',
          onMount(root, _shadow, host) {
            host.dataset.console = consoleId;
            return root;
          },
        }).then((created) => {
          ui = created;
          if (!removed) {
            created.mount();
            container = created.uiContainer;
          }
          return created.uiContainer;
        })).catch((error: unknown) => {
          // The worker could not load the panel (it was restarting): the next draw asks again.
          pending = undefined;
          throw error;
        })),
      remove: () => {
        removed = true;
        container = null;
        ui?.remove();
      },
    });
  },
});
