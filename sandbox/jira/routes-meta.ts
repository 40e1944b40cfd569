/**
 * Platform REST routes about the site: fields, link types, permissions, users.
 */
import { FIELDS, isPermissionKey, LINK_TYPES, PERMISSION_KEYS } from './catalog';
import { errorCollection, json, type Route } from './http';
import type { JsonObject } from './model';
import { accessOf, findIssue, findProject } from './site';
import { userBean } from './views';

const fields: Route = {
  method: 'GET',
  template: '/rest/api/3/field',
  handle: () =>
    json(
      200,
      FIELDS.map((field) => ({
        id: field.id,
        key: field.id,
        name: field.name,
        custom: field.custom,
        orderable: field.orderable,
        navigable: field.navigable,
        searchable: field.searchable,
        clauseNames: field.clauseNames,
        ...(field.schema ? { schema: { ...field.schema } } : {}),
      })),
    ),
};

const linkTypes: Route = {
  method: 'GET',
  template: '/rest/api/3/issueLinkType',
  handle: (ctx) =>
    json(200, {
      issueLinkTypes: LINK_TYPES.map((type) => ({ ...type, self: `${ctx.site.siteUrl}/rest/api/3/issueLinkType/${type.id}` })),
    }),
};

const myPermissions: Route = {
  method: 'GET',
  template: '/rest/api/3/mypermissions',
  handle: (ctx) => {
    const requested = (ctx.query.get('permissions') ?? '').split(',').map((key) => key.trim()).filter(Boolean);
    if (requested.length === 0) return errorCollection(400, ['The permissions query parameter is required.']);
    const unknown = requested.find((key) => !isPermissionKey(key));
    if (unknown) return errorCollection(400, [`The permission key '${unknown}' is not valid.`]);
    const projectRef = ctx.query.get('projectKey') ?? ctx.query.get('projectId');
    const issueRef = ctx.query.get('issueKey') ?? ctx.query.get('issueId');
    let projectKey: string | null = null;
    if (projectRef) {
      const project = findProject(ctx.site, projectRef);
      if (!project || !accessOf(ctx.site, ctx.principal, project.key).browse) return errorCollection(404, [`No project could be found with key '${projectRef}'.`]);
      projectKey = project.key;
    } else if (issueRef) {
      const issue = findIssue(ctx.site, issueRef);
      if (!issue || !accessOf(ctx.site, ctx.principal, issue.projectKey).browse) return errorCollection(404, [`Issue does not exist or you do not have permission to see it.`]);
      projectKey = issue.projectKey;
    }
    const permissions: JsonObject = {};
    for (const key of requested) {
      if (!isPermissionKey(key)) continue;
      const meta = PERMISSION_KEYS[key];
      // Without a project, Jira answers whether the user has the permission in any project.
      const access = projectKey
        ? accessOf(ctx.site, ctx.principal, projectKey)
        : [...ctx.site.projects.keys()].map((candidate) => accessOf(ctx.site, ctx.principal, candidate)).reduce(
            (all, one) => ({ browse: all.browse || one.browse, edit: all.edit || one.edit, admin: all.admin || one.admin }),
            { browse: false, edit: false, admin: false },
          );
      const have = key === 'BROWSE_PROJECTS' ? access.browse : key === 'ADMINISTER_PROJECTS' ? access.admin : access.edit;
      permissions[key] = { id: meta.id, key, name: meta.name, type: 'PROJECT', description: meta.description, havePermission: have };
    }
    return json(200, { permissions });
  },
};

const myself: Route = {
  method: 'GET',
  template: '/rest/api/3/myself',
  handle: (ctx) => {
    if (ctx.principal.kind === 'app') return json(200, userBean(ctx.site, 'app'));
    const user = ctx.site.users.get(ctx.principal.accountId);
    if (!user) return errorCollection(401, ['You are not authenticated. Authentication required to perform this operation.']);
    return json(200, userBean(ctx.site, user));
  },
};

const user: Route = {
  method: 'GET',
  template: '/rest/api/3/user',
  handle: (ctx) => {
    const accountId = ctx.query.get('accountId');
    if (!accountId) return errorCollection(400, ['The accountId query parameter needs to be provided.']);
    if (accountId === ctx.site.appAccountId) return json(200, userBean(ctx.site, 'app'));
    const found = ctx.site.users.get(accountId);
    if (!found) return errorCollection(404, [`Specified user does not exist or you do not have required permissions`]);
    return json(200, userBean(ctx.site, found));
  },
};

export const META_ROUTES: Route[] = [fields, linkTypes, myPermissions, myself, user];
