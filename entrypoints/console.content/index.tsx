import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '../../components/overlay/Overlay';
import { consoleForUrl, hostPermissions } from '../../lib/consoles/hosts';
import { scanPage } from '../../lib/scan';
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
    const ui = await createShadowRootUi(ctx, {
      name: 'token-radar-overlay',
      css: overlayCss,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container, _shadow, host) {
        host.dataset.console = consoleId;
        const scan = scanPage(location.href, document, new Date());
        render(<Overlay scan={scan} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
