import { useEffect, useState } from 'preact/hooks';

/**
 * An outline around the control of the current step and a short callout beside it, drawn in
 * the overlay's shadow root (fixed position, no change to the page), following scroll and resize.
 */
export function Highlight({ target, label }: { target: Element; label: string }) {
  const [rect, setRect] = useState<DOMRect>(() => target.getBoundingClientRect());
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setRect(target.getBoundingClientRect()));
    };
    window.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update, { passive: true });
    const timer = setInterval(update, 1000); // the page may move it without scrolling
    update();
    return () => {
      cancelAnimationFrame(frame);
      clearInterval(timer);
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
