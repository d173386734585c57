/**
 * A pure function of a string, remembered: a console's grid repeats the same texts on every row
 * (a status, a sync time, an expiry shared by many tokens), and a re-scan reads them again. The
 * memory is bounded: past `max` texts it starts afresh. Results are shared, so they must not be
 * changed by the caller.
 */
export function remembered<T>(fn: (text: string) => T, max = 2000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined && !known.has(text)) {
      value = fn(text);
      if (known.size >= max) known.clear();
      known.set(text, value);
    }
    return value as T;
  };
}
