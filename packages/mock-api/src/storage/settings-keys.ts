/**
 * The keys of the server's own values in the settings repository. They describe the sandbox rather
 * than hold its data, so a reset keeps them (`Storage.clear`).
 */
export const SETTINGS = {
  /** A durable sandbox's generated admin token: the console link and scripts survive a restart. */
  adminToken: 'admin_token',
  /** The test clock's offset: time advanced before a restart stays advanced. */
  clockOffset: 'clock_offset_ms',
} as const;
