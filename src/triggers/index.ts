// Placeholder while the use cases are being written; replaced by the real handlers.
export const onIssueChanged = async (_event: unknown, _context: unknown): Promise<void> => {};
export const onIssueLinkChanged = async (_event: unknown, _context: unknown): Promise<void> => {};
export const onSprintChanged = async (_event: unknown, _context: unknown): Promise<void> => {};
export const rescoreDaily = async (_event: unknown, _context: unknown): Promise<void> => {};
