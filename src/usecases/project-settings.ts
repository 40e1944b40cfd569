import type { IssueReadiness, ProjectSettings, SettingsPreview, SettingsPreviewRow, SettingsView } from '../contract';
import { migrateSettings, parseSettings } from '../domain/settings';
import type { UseCaseDeps } from './deps';
import { PermissionDeniedError, ValidationError } from './errors';
import { scoreIssues } from './evaluate-issue';
import { assertBoardOfProject, resolveProjectSetup } from './project-setup';
import { CACHE_TTL_SECONDS } from './cache-policy';

interface SettingsCall {
  deps: UseCaseDeps;
  project: { id: string; key: string };
  accountId: string;
}

const READ_ONLY_REASON = 'Only project admins can change the Definition of Ready. Ask a project admin to adjust it.';

/** ADMINISTER_PROJECTS as Jira answers it for the caller (asUser), cached briefly in KVS. */
async function canAdminister({ deps, project, accountId }: SettingsCall): Promise<boolean> {
  const permission = 'ADMINISTER_PROJECTS';
  const cached = await deps.stores.permissions.get({ projectId: project.id, accountId, permission });
  if (cached !== undefined) return cached;
  const granted = await deps.jira.hasProjectPermission({ projectKey: project.key, permission });
  await deps.stores.permissions.set({ projectId: project.id, accountId, permission }, granted, CACHE_TTL_SECONDS.permission);
  return granted;
}

async function view(call: SettingsCall): Promise<SettingsView> {
  const [stored, canEdit] = await Promise.all([call.deps.stores.settings.load(call.project.id), canAdminister(call)]);
  return {
    settings: migrateSettings(stored?.settings),
    canEdit,
    ...(canEdit ? {} : { readOnlyReason: READ_ONLY_REASON }),
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
    updatedByName: stored?.updatedByName ?? null,
  };
}

export function getSettings(call: SettingsCall): Promise<SettingsView> {
  return view(call);
}

function validOrThrow(input: unknown): ProjectSettings {
  const parsed = parseSettings(input);
  if (!parsed.ok) throw new ValidationError('Some settings are not valid; nothing was saved.', parsed.fieldErrors);
  return parsed.settings;
}

async function assertAdmin(call: SettingsCall): Promise<void> {
  if (!(await canAdminister(call))) throw new PermissionDeniedError(READ_ONLY_REASON);
}

/** All-or-nothing: invalid input is rejected with field messages and the stored settings stay as they were. */
export async function saveSettings(call: SettingsCall & { input: unknown }): Promise<SettingsView> {
  await assertAdmin(call);
  const settings = validOrThrow(call.input);
  const me = await call.deps.jira.myself();
  await call.deps.stores.settings.save({
    projectId: call.project.id,
    settings,
    by: call.accountId,
    byName: me.displayName,
    at: call.deps.clock.now().toISOString(),
  });
  return view(call);
}

export async function resetSettings(call: SettingsCall): Promise<SettingsView> {
  await assertAdmin(call);
  await call.deps.stores.settings.remove(call.project.id);
  return view(call);
}

const PREVIEW_ITEMS = 10;

/** How the stored and the edited settings score the project's top backlog items, side by side. */
/** An excluded issue has neither score nor ready state: the preview shows it as excluded. */
function verdictOf(readiness: IssueReadiness): SettingsPreviewRow['before'] {
  return readiness.status === 'judged' ? { score: readiness.score, ready: readiness.ready } : { score: null, ready: null };
}

export async function previewSettings(call: SettingsCall & { input: unknown }): Promise<SettingsPreview> {
  const after = validOrThrow(call.input);
  const stored = await call.deps.stores.settings.load(call.project.id);
  const before = migrateSettings(stored?.settings);
  const setup = await resolveProjectSetup({ deps: call.deps, project: call.project, settings: after });
  if (setup.board && after.agenda.boardId !== null) {
    assertBoardOfProject({ board: setup.board, projectKey: call.project.key, retry: 'Choose one of this project’s boards.' });
  }
  const page = setup.board
    ? await call.deps.jira.backlogIssues({ boardId: setup.board.id, plan: setup.plan, maxItems: PREVIEW_ITEMS, pageSize: PREVIEW_ITEMS })
    : await call.deps.jira.searchIssues({
        jql: `project = "${call.project.key}" AND statusCategory != Done ORDER BY Rank ASC`,
        plan: setup.plan,
        maxItems: PREVIEW_ITEMS,
        pageSize: PREVIEW_ITEMS,
      });
  const [scoredBefore, scoredAfter] = await Promise.all([
    scoreIssues({ deps: call.deps, issues: page.issues, settings: before }),
    scoreIssues({ deps: call.deps, issues: page.issues, settings: after }),
  ]);
  const rows = scoredAfter.map((entry, i) => {
    const old = scoredBefore[i]?.readiness ?? entry.readiness;
    return {
      issueKey: entry.issue.key,
      summary: entry.issue.summary,
      before: verdictOf(old),
      after: verdictOf(entry.readiness),
    };
  });
  return {
    rows,
    readyBefore: rows.filter((row) => row.before.ready === true).length,
    readyAfter: rows.filter((row) => row.after.ready === true).length,
  };
}

