export { DEFAULT_SETTINGS, defaultSettings } from './default-settings';
export { projectSettingsSchema, MANUAL_ITEM_ID } from './settings-schema';
export { parseSettings, type ParseSettingsResult } from './parse-settings';
export { migrateSettings } from './migrate-settings';
export { profileForKind } from './profile-for-kind';
export { PROFILE_IDS, SCALE_IDS, TSHIRT_SIZES } from './ids';
