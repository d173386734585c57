import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { startOverlay } from '../../components/overlay/controller';
import { consoleForUrl, hostPermissions } from '../../lib/consoles/hosts';
import overlayCss from '../../components/overlay/overlay.css?inline';

export default defineContentScript({
  matches: hostPermissions,
  allFrames: true,
  runAt: 'document_idle',
  // The overlay's CSS is inlined into its shadow root: no web-accessible resource to expose.
  cssInjectionMode: 'manual',
  main(ctx) {
    const consoleId = consoleForUrl(location.href);
    if (!consoleId) return;
    // The shadow root, its styles and the panel are created only when there is something to show:
    // most frames of a console never show a credential and so never get any UI.
    let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
    let container: HTMLElement | null = null;
    let pending: Promise<HTMLElement> | undefined;
    let removed = false;
    startOverlay(ctx, {
      container: () => container,
      mount: () =>
        (pending ??= createShadowRootUi(ctx, {
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
        })),
      remove: () => {
        removed = true;
        container = null;
        ui?.remove();
      },
    });
  },
});
