/**
 * The overlay's shadow root is open (assistive technology and the browser tests reach into it),
 * so a console page's own script could find its buttons and click them. Every action of the
 * panel and the guide card goes through `trusted`: only a person's click or key press (a trusted
 * event) acts; a page script's `click()` does nothing. See SECURITY.md.
 */
export function trusted<E extends Event>(act: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) act(event);
  };
}
