import { useEffect, useState } from 'preact/hooks';

/**
 * An outline around the control of the current step and a short callout beside it, drawn in
 * the overlay's shadow root (fixed position, no change to the page), following scroll and resize.
 */
export function Highlight({ target, label }: { target: Element; label: string }) {
  const [rect, setRect] = useState<DOMRect>(() => target.getBoundingClientRect());
  useEffect(() => {
    let frame = 0;
    // Measured once per frame, in the frame's own callback, and only after something moved:
    // no polling that would make a busy page lay itself out again.
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = target.getBoundingClientRect();
        setRect((prev) => (prev.top === next.top && prev.left === next.left && prev.width === next.width && prev.height === next.height ? prev : next));
      });
    };
    window.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update, { passive: true });
    // The page may move the control without scrolling: it or the page around it changes size.
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    resized?.observe(target);
    if (target.ownerDocument.body) resized?.observe(target.ownerDocument.body);
    update();
    return () => {
      cancelAnimationFrame(frame);
      resized?.disconnect();
      window.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, [target]);
  if (rect.width === 0 && rect.height === 0) return null;
  const pad = 4;
  return (
    <div class="tr-highlight" aria-hidden="true">
      <div
        class="tr-highlight__ring"
        style={{ top: `${rect.top - pad}px`, left: `${rect.left - pad}px`, width: `${rect.width + pad * 2}px`, height: `${rect.height + pad * 2}px` }}
      />
      <div class="tr-highlight__callout" style={{ top: `${rect.bottom + pad + 6}px`, left: `${Math.max(8, rect.left - pad)}px` }}>
        {label}
      </div>
    </div>
  );
}
