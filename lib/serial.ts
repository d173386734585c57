/**
 * A queue of asynchronous work that runs one piece at a time, in the order asked: each piece
 * starts when the one before it settled, whether it succeeded or failed. Every caller gets its
 * own piece's outcome.
 */
export function createSerial(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
}
