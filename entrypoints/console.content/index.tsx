/**
 * What every console frame loads: small on purpose. The top document of a console (unless its
 * credentials live in frames), and any frame that shows text about an expiry or a credential's
 * state, a file field, or a renewal under way,
 * asks the background to load the reader into it (entrypoints/console-reader.tsx); every other
 * frame stays dormant (components/overlay/dormant.ts) and costs the page almost nothing.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../../lib/messages';
import { watchDormant } from '../../components/overlay/dormant';
import { recordEarlyPresses, type EarlyPresses } from '../../components/overlay/early-presses';
import type { ConsoleReader } from '../console-reader';

/**
 * How long to wait before asking again when the worker could not load the reader: it stops
 * whenever idle and may be stopped in the middle of the request; the first retries come soon,
 * since the page waits on them for its badges.
 */
const RETRY_MS = [...Array.from({ length: 20 }, () => 300), 1000, 2000, 4000, 8000, 15000];

/** How long an answer to the load request is waited for. */
const ASK_MS = 1500;

const reader = () => (globalThis as unknown as { __tokenRadarReader?: ConsoleReader }).__tokenRadarReader;

function load(ctx: ContentScriptContext, early: EarlyPresses, attempt = 0): void {
  if (ctx.isInvalid) return;
  // A worker stopped in the middle of the request may never answer it: after ASK_MS the request
  // counts as failed (the reader may have arrived all the same: then it starts).
  const started = reader()
    ? Promise.resolve(true)
    : Promise.race([
        send({ type: 'load-reader' }).then((answer) => !!answer?.ok && !!reader(), () => !!reader()),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(!!reader()), ASK_MS)),
      ]);
  void started.then((ok) => {
    if (ok) return reader()!.start(ctx, early).catch(() => undefined);
    const wait = RETRY_MS[attempt];
    if (wait !== undefined) setTimeout(() => load(ctx, early, attempt + 1), wait);
    // The worker could not load it for a while: the frame waits, dormant, for its next change.
    else if (!ctx.isInvalid) watchDormant(ctx.signal, document, () => load(ctx, early));
  });
}

export default defineContentScript({
  // Declared in the manifest by wxt.config.ts from the console list (lib/consoles/hosts.ts), and
  // registered by the background for the consoles the admin adds: importing the list here would
  // put every console's reading rules into the script that every console frame loads.
  registration: 'runtime',
  matches: [],
  allFrames: true,
  runAt: 'document_idle',
  // The overlay's CSS is inlined into its shadow root: no web-accessible resource to expose.
  cssInjectionMode: 'manual',
  main(ctx) {
    // A console's top document without frames always gets the reader: it says, quietly, when the
    // page shows no credential. One with frames (Intune's blades, MaaS360's #Content) lets them
    // speak for themselves, and stays dormant like them until it shows something itself.
    // The admin's presses until the reader starts: a guide step's button pressed in the first
    // moments after the page loaded still counts (components/overlay/early-presses.ts).
    const early = recordEarlyPresses(ctx.signal, document);
    if (window === window.top && !document.querySelector('iframe, frame')) load(ctx, early);
    else watchDormant(ctx.signal, document, () => load(ctx, early));
  },
});
