export { createStores } from './create-stores';
export { createFieldCache, FIELD_CACHE_TTL_SECONDS, type FieldCatalogCache } from './field-cache';
export { storeKeys, isValidChecklistItemId } from './keys';
export { InvalidStoreKeyError } from './errors';
