/**
 * The overlay's panel and guide card (Preact and the components), injected by the background
 * into a console frame the first time that frame has something to show, so that the content
 * script every console frame loads stays small. It runs in the extension's isolated world,
 * beside the content script, and only exposes the renderer to it: the panel's shadow root (WXT's
 * shadow-root UI and the panel's styles) and the render.
 */
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import overlayCss from '../components/overlay/overlay.css?shadow';
import type { ConsoleId } from '../lib/consoles/types';
import { Overlay, type OverlayProps } from '../components/overlay/Overlay';
import { adoptMessages } from '../lib/i18n';

export interface OverlayRenderer {
  /** The panel's shadow root in the page (not mounted yet), its styles in it. */
  createUi(ctx: ContentScriptContext, consoleId: ConsoleId): Promise<ShadowRootContentScriptUi<HTMLElement>>;
  render(props: OverlayProps | null, container: HTMLElement): void;
  /** The UI's messages, as the worker sent them to the frame (lib/i18n.ts adoptMessages). */
  messages(messages: Record<string, string>): void;
}

export default defineUnlistedScript(() => {
  const renderer: OverlayRenderer = {
    createUi: (ctx, consoleId) =>
      createShadowRootUi(ctx, {
        name: 'token-radar-overlay',
        css: overlayCss,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        onMount(root, _shadow, host) {
          host.dataset.console = consoleId;
          return root;
        },
      }),
    render: (props, container) => render(props ? <Overlay {...props} /> : null, container),
    messages: adoptMessages,
  };
  (globalThis as unknown as { __tokenRadarOverlay?: OverlayRenderer }).__tokenRadarOverlay = renderer;
});
