import type { Ref } from 'preact';
import type { Box } from '../../lib/dom/place';

/**
 * An outline around the control of the current step and a short callout beside it, drawn in
 * the overlay's shadow root (fixed position, no change to the page). Where they go is measured
 * and decided by the overlay (./placement.ts): the callout never covers the control, the notes
 * beside the page's controls, or the guide card.
 */
export function Highlight({ ring, callout, calloutRef, label }: {
  ring: Box | null;
  callout: { top: number; left: number } | null;
  calloutRef: Ref<HTMLDivElement>;
  label: string;
}) {
  return (
    <div class="tr-highlight" aria-hidden="true">
      {ring && <div class="tr-highlight__ring" style={{ top: `${ring.top}px`, left: `${ring.left}px`, width: `${ring.width}px`, height: `${ring.height}px` }} />}
      {/* Drawn unseen first, to be measured, then where it fits. */}
      <div
        ref={calloutRef}
        class="tr-highlight__callout"
        style={ring && callout ? { top: `${callout.top}px`, left: `${callout.left}px` } : { top: '0px', left: '0px', visibility: 'hidden' }}
      >
        {label}
      </div>
    </div>
  );
}
