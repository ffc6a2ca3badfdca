/**
 * Deliveries of one platform message can be handled out of order (a retry after a database blip, two replicas),
 * so each stored text remembers its revision: when the platform says it was written or last edited.
 */

/** The revision a deletion is stored as: later than any edit, so nothing handled after it brings a report back. */
export const DELETED_REVISION = "9999-12-31T23:59:59.999Z";

/** Whether a text of revision `incoming` is older than the one stored: it then changes nothing. */
export function isStaleRevision(incoming: string | null | undefined, stored: string | null): boolean {
  if (stored === DELETED_REVISION) return true;
  return Boolean(incoming && stored && incoming < stored);
}
