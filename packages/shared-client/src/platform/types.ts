/** The platforms the catalogue is rendered on. */
export const PLATFORMS = ['zapier', 'n8n', 'pipedream'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Where a platform does not offer an entry (or a field) of the catalogue, or offers it in another
 * place, the reason is written here, beside the entry: the parity test accepts a difference only
 * when it is explained.
 */
export type PlatformExceptions = Partial<Record<Platform, string>>;
