/**
 * The site's field catalog: from the invocation memo, else the KVS cache (1 h), else
 * GET /rest/api/3/field. A failing cache never fails the request; it only costs one call.
 */
import { route } from '@forge/api';
import type { FieldCatalogCache } from '../store/field-cache';
import type { FieldCatalog } from '../usecases/ports';
import { discoverFields } from './fields';
import type { JiraClient } from './request';
import { fieldListSchema } from './schemas/field';

export async function loadFieldCatalog(params: { client: JiraClient; fieldCache: FieldCatalogCache }): Promise<FieldCatalog> {
  const cached = await params.fieldCache.get().catch(() => undefined);
  if (cached) return cached;
  const fieldList = await params.client.get(route`/rest/api/3/field`, fieldListSchema);
  const catalog = discoverFields(fieldList);
  await params.fieldCache.put(catalog).catch(() => undefined);
  return catalog;
}
