/**
 * Revisions of the app's defaults. Stored settings say which revision they were saved under
 * (`defaultsVersion`), so a default that changed later can reach projects that never chose
 * otherwise, without overriding a choice a team made:
 * - 1: the first release (settings stored without `defaultsVersion`).
 * - 2: "Team agrees on the estimate" is required: a revealed, diverging round makes an item not ready.
 */
export const DEFAULTS_VERSION = 2;
