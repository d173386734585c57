/**
 * The overlay's panel and guide card (Preact and the components), injected by the background
 * into a console frame the first time that frame has something to show, so that the content
 * script every console frame loads stays small. It runs in the extension's isolated world,
 * beside the content script, and only exposes the renderer to it.
 */
import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Overlay, type OverlayProps } from '../components/overlay/Overlay';
import { adoptMessages } from '../lib/i18n';

export interface OverlayRenderer {
  render(props: OverlayProps | null, container: HTMLElement): void;
  /** The UI's messages, as the worker sent them to the frame (lib/i18n.ts adoptMessages). */
  messages(messages: Record<string, string>): void;
}

export default defineUnlistedScript(() => {
  const renderer: OverlayRenderer = {
    render: (props, container) => render(props ? <Overlay {...props} /> : null, container),
    messages: adoptMessages,
  };
  (globalThis as unknown as { __tokenRadarOverlay?: OverlayRenderer }).__tokenRadarOverlay = renderer;
});
