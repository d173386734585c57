import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { startOverlay } from '../../components/overlay/controller';
import { consoleForUrl, hostPermissions } from '../../lib/consoles/hosts';
import overlayCss from '../../components/overlay/overlay.css?inline';

export default defineContentScript({
  matches: hostPermissions,
  allFrames: true,
  runAt: 'document_idle',
  // The overlay's CSS is inlined into its shadow root: no web-accessible resource to expose.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const consoleId = consoleForUrl(location.href);
    if (!consoleId) return;
    let stop: (() => void) | undefined;
    const ui = await createShadowRootUi(ctx, {
      name: 'token-radar-overlay',
      css: overlayCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container, _shadow, host) {
        host.dataset.console = consoleId;
        stop = startOverlay(ctx, container);
        return container;
      },
      onRemove() {
        stop?.();
      },
    });
    ui.mount();
  },
});
