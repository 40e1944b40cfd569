/**
 * The site's field catalog: from the invocation memo (gateway), else the cache the entry point
 * passes in (KVS, CACHE_TTL_SECONDS.fieldCatalog), else GET /rest/api/3/field. A failing cache
 * never fails the request; it only costs one call.
 */
import { route } from '@forge/api';
import { CACHE_TTL_SECONDS, readThrough } from '../usecases/cache-policy';
import type { Cache, FieldCatalog, FieldCatalogCacheKey } from '../usecases/ports';
import { discoverFields } from './fields';
import type { JiraClient } from './request';
import { fieldListSchema } from './schemas/field';

/** KVS is already per installation (one site); the site id only keeps the key self-describing. */
const SITE: FieldCatalogCacheKey = { siteId: 'site' };

export async function loadFieldCatalog(params: { client: JiraClient; fieldCache?: Cache<FieldCatalogCacheKey, FieldCatalog> }): Promise<FieldCatalog> {
  const load = async () => discoverFields(await params.client.get(route`/rest/api/3/field`, fieldListSchema));
  if (!params.fieldCache) return load();
  return readThrough({ cache: params.fieldCache, key: SITE, ttlSeconds: CACHE_TTL_SECONDS.fieldCatalog, load });
}
