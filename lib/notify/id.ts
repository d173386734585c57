/** A notification's id: what a click on it needs, kept in the id so it survives a worker restart. */
const PREFIX = 'tr';
/** The notification id carries what a click needs, so it still works after the worker restarted. */
export function notificationId(ids: string[], snoozeDays: number, now: Date): string {
  // Ids come from imports too: encoded, so a '|' or ',' in one cannot split it.
  return [PREFIX, now.getTime().toString(36), snoozeDays, ids.map(encodeURIComponent).join(',')].join('|');
}

export function parseNotificationId(id: string): { ids: string[]; snoozeDays: number } | null {
  const [prefix, , snooze, ids] = id.split('|');
  if (prefix !== PREFIX || !ids) return null;
  try {
    return { ids: ids.split(',').map(decodeURIComponent), snoozeDays: Number(snooze) || 7 };
  } catch {
    return null;
  }
}
