/**
 * Field discovery: which custom fields hold story points, sprints, the Flagged marker and
 * rank on this site. Ids differ between sites (and several story-point fields often coexist),
 * so they are always discovered from /rest/api/3/field, never assumed.
 */
import type { FieldCatalog } from '../usecases/ports';
import type { RestField } from './schemas/field';

const JSW_STORY_POINTS = 'com.pyxis.greenhopper.jira:jsw-story-points';
const GH_SPRINT = 'com.pyxis.greenhopper.jira:gh-sprint';
const GH_LEXO_RANK = 'com.pyxis.greenhopper.jira:gh-lexo-rank';
const MULTI_CHECKBOXES = 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes';
/**
 * The app's own Forge custom field (manifest `jira:customField` key `readiness-field`): its
 * `schema.custom` is `ari:cloud:ecosystem::extension/{app-id}/{environment-id}/static/{module-key}`
 * (jira-custom-field "Field lifecycle").
 */
const READINESS_FIELD_TYPE = /^ari:cloud:ecosystem::extension\/[^/]+\/[^/]+\/static\/readiness-field$/;
const STORY_POINTS_NAMES: ReadonlySet<string> = new Set(['story points', 'story point estimate']);

type FieldRef = { id: string; name: string };
const ref = (field: RestField): FieldRef => ({ id: field.id, name: field.name });

export function discoverFields(fieldList: readonly RestField[]): FieldCatalog {
  return {
    storyPoints: storyPointFields(fieldList).map(ref),
    sprint: firstRef(fieldList.filter((field) => field.schema?.custom === GH_SPRINT)),
    flagged: firstRef(flaggedFields(fieldList)),
    rank: firstRef(fieldList.filter((field) => field.schema?.custom === GH_LEXO_RANK)),
    readiness: firstRef(fieldList.filter((field) => READINESS_FIELD_TYPE.test(field.schema?.custom ?? ''))),
  };
}

/** jsw-story-points first (Jira's own), then number fields named "Story Points"/"Story points". */
function storyPointFields(fieldList: readonly RestField[]): RestField[] {
  const jsw = fieldList.filter((field) => field.schema?.custom === JSW_STORY_POINTS);
  const named = fieldList.filter(
    (field) =>
      field.schema?.custom !== JSW_STORY_POINTS &&
      STORY_POINTS_NAMES.has(field.name.trim().toLowerCase()) &&
      field.schema?.type === 'number',
  );
  return [...jsw, ...byGlobalFirst(named)];
}

/** The "Flagged" checkbox of Jira Software; a same-named field of another type is not it. */
function flaggedFields(fieldList: readonly RestField[]): RestField[] {
  const named = fieldList.filter((field) => field.name.trim().toLowerCase() === 'flagged');
  const checkboxes = named.filter((field) => field.schema?.custom === MULTI_CHECKBOXES);
  return byGlobalFirst(checkboxes);
}

/** Fields scoped to one team-managed project sort after site-wide ones. */
function byGlobalFirst(fields: RestField[]): RestField[] {
  const isScoped = (field: RestField) => 'scope' in field && field.scope !== undefined && field.scope !== null;
  return [...fields.filter((field) => !isScoped(field)), ...fields.filter(isScoped)];
}

function firstRef(fields: RestField[]): FieldRef | null {
  const first = fields[0];
  return first ? ref(first) : null;
}
