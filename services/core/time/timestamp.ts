/** Timestamps are stored as ISO strings (UTC), which sort and compare as text on both databases. */
export const nowTimestamp = () => new Date().toISOString();
