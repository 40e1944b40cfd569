/**
 * Platform REST routes about the site: fields, permissions, the current user.
 */
import { FIELDS, isPermissionKey, PERMISSION_KEYS } from './catalog';
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

export const META_ROUTES: Route[] = [fields, myPermissions, myself];
