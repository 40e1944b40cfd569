/**
 * The trusted invocation context Forge builds for a Custom UI module, and the browser-side
 * context `view.getContext()` returns. The host (sandbox server) builds both from the frame.
 */
import type { Json, JsonObject } from '../jira/model';
import { findIssue, findProject, issueTypeOf, type Site } from '../jira/site';
import type { UiModuleType } from './manifest';

export interface FrameContext {
  moduleKey: string;
  moduleType: UiModuleType;
  accountId: string;
  issueKey?: string | undefined;
  projectKey?: string | undefined;
}

const ENVIRONMENT_ID = '7f3c2b1a-0d9e-4c8b-a6f5-4e3d2c1b0a99';

export const installContextOf = (site: Site): string => `ari:cloud:jira::site/${site.cloudId}`;

const localIdOf = (appId: string, moduleKey: string): string => `ari:cloud:ecosystem::extension/${appId}/${ENVIRONMENT_ID}/static/${moduleKey}`;

/** `extension` as Forge sends it for the module type; throws when the issue/project does not exist. */
function extensionFor(site: Site, frame: FrameContext): JsonObject {
  const issue = frame.issueKey ? findIssue(site, frame.issueKey) : undefined;
  if (frame.issueKey && !issue) throw new Error(`No issue ${frame.issueKey}`);
  const project = findProject(site, issue?.projectKey ?? frame.projectKey ?? '');
  if (!project) throw new Error(`No project for ${frame.issueKey ?? frame.projectKey ?? '(none)'}`);
  const projectJson: JsonObject = { id: project.id, key: project.key, type: 'software' };
  if (frame.moduleType === 'jira:issuePanel' || frame.moduleType === 'jira:issueContext') {
    if (!issue) throw new Error(`Module ${frame.moduleKey} needs an issue`);
    const type = issueTypeOf(issue);
    return {
      type: frame.moduleType,
      issue: { id: issue.id, key: issue.key, type: type.name, typeId: type.id },
      project: projectJson,
      ...(frame.moduleType === 'jira:issuePanel' ? { isNewToIssue: false } : {}),
    };
  }
  return { type: frame.moduleType, project: projectJson };
}

export function resolverRequest(params: { site: Site; appId: string; frame: FrameContext; functionKey: string; payload: Json }): {
  request: JsonObject;
  invocation: JsonObject;
} {
  const { site, frame } = params;
  return {
    request: {
      call: { functionKey: params.functionKey, payload: params.payload },
      context: {
        accountId: frame.accountId,
        accountType: 'licensed',
        cloudId: site.cloudId,
        localId: localIdOf(params.appId, frame.moduleKey),
        moduleKey: frame.moduleKey,
        siteUrl: site.siteUrl,
        environmentId: ENVIRONMENT_ID,
        environmentType: 'DEVELOPMENT',
        extension: extensionFor(site, frame),
      },
    },
    invocation: { principal: { accountId: frame.accountId }, installContext: installContextOf(site) },
  };
}

/**
 * The payload Jira passes to an issue context's `dynamicProperties` function — exactly the documented
 * keys, nothing more: manifest-reference/modules/jira-issue-context, "Dynamic properties"
 * (`{ cloudId, extension: { type, issue: { id, type, key, typeId }, project: { id, type, key } } }`).
 */
export function dynamicPropertiesPayload(params: { site: Site; frame: FrameContext }): JsonObject {
  if (params.frame.moduleType !== 'jira:issueContext') throw new Error(`Module ${params.frame.moduleKey} has no dynamic properties in Jira`);
  return { cloudId: params.site.cloudId, extension: extensionFor(params.site, params.frame) };
}

/** What `view.getContext()` resolves to in the browser. */
export function browserContext(params: { site: Site; appId: string; frame: FrameContext; colorMode: 'light' | 'dark' }): Json {
  const { site, frame } = params;
  const user = site.users.get(frame.accountId);
  return {
    accountId: frame.accountId,
    accountType: 'licensed',
    cloudId: site.cloudId,
    localId: localIdOf(params.appId, frame.moduleKey),
    moduleKey: frame.moduleKey,
    siteUrl: site.siteUrl,
    environmentId: ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: user?.timeZone ?? 'Etc/UTC',
    theme: { colorMode: params.colorMode },
    surfaceColor: params.colorMode === 'dark' ? '#1D2125' : '#FFFFFF',
    extension: extensionFor(site, frame),
  };
}
