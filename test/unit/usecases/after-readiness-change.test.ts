import type { IssueReadiness } from '../../../src/contract';
import type { NormalizedIssue } from '../../../src/domain/issue';
import { defaultSettings } from '../../../src/domain/settings';
import { afterReadinessChange } from '../../../src/usecases/after-readiness-change';
import type { UseCaseDeps } from '../../../src/usecases/deps';
import type { Sprint } from '../../../src/usecases/ports';
import { anIssue } from '../domain/builders';
import { aFieldPlan, aReadiness, aReadyReadiness } from './builders';
import { fakeStores, manualClock, recordingJira } from './fakes';

const SPRINT_7: Sprint = { id: 7, name: 'DEMO Sprint 7', state: 'future', startDate: null, endDate: null, completeDate: null, goal: null, originBoardId: 1 };

/**
 * The person's gateway (`jira`) and the app's (`appJira`) recorded apart, so a test sees which
 * identity made each call. `sprintAnswer` is what the person's sprint read gives.
 */
function setup({ sprintAnswer }: { sprintAnswer: (id: number) => Promise<Sprint> }) {
  const user = recordingJira();
  const app = recordingJira();
  const sprintReads: number[] = [];
  user.jira.sprint = (id) => {
    sprintReads.push(id);
    return sprintAnswer(id);
  };
  const { stores, state } = fakeStores();
  const deps: UseCaseDeps = { jira: user.jira, appJira: app.jira, stores, clock: manualClock('2026-11-20T10:00:00.000Z') };
  const run = (issue: NormalizedIssue, readiness: IssueReadiness) =>
    afterReadinessChange({ deps, view: { issue, readiness, settings: defaultSettings(), setup: { plan: aFieldPlan() } } });
  return { run, userWrites: user.writes, appWrites: app.writes, sprintReads, state };
}

const warn = () => jest.spyOn(console, 'warn').mockImplementation(() => undefined);

describe('afterReadinessChange (a tick or an accepted estimate in the panel)', () => {
  it('flags a not-ready issue of an open sprint: the sprint is read as the person, the label written as the app', async () => {
    const { run, userWrites, appWrites, sprintReads, state } = setup({ sprintAnswer: () => Promise.resolve(SPRINT_7) });
    const readiness = await run(anIssue({ sprintIds: [7] }), aReadiness());
    expect(sprintReads).toEqual([7]);
    expect(userWrites).toEqual([]);
    expect(appWrites.map((write) => write.method)).toEqual(['editIssue', 'addComment']);
    expect(state.records.get(anIssue().id)).toMatchObject({ sprintId: 7, labelAdded: 'not-ready', commentedSprints: [7] });
    expect(readiness.warnings).toEqual([]);
  });

  it('clears a ready issue without looking its sprint up', async () => {
    const { run, appWrites, sprintReads, state } = setup({ sprintAnswer: () => Promise.reject(new Error('no sprint read expected')) });
    state.records.set(anIssue().id, { sprintId: 7, flaggedAt: '2026-11-19T10:00:00.000Z', labelAdded: 'not-ready', flaggedFieldSet: false, commentedSprints: [7] });
    await run(anIssue({ sprintIds: [7], labels: ['not-ready'] }), aReadyReadiness());
    expect(sprintReads).toEqual([]);
    expect(appWrites).toEqual([expect.objectContaining({ method: 'editIssue', removeLabels: ['not-ready'] })]);
  });

  it('does nothing for a not-ready issue in no sprint, or only in a closed one', async () => {
    const closed = setup({ sprintAnswer: () => Promise.resolve({ ...SPRINT_7, state: 'closed' }) });
    await closed.run(anIssue({ sprintIds: [7] }), aReadiness());
    expect(closed.appWrites).toEqual([]);

    const none = setup({ sprintAnswer: () => Promise.reject(new Error('no sprint read expected')) });
    await none.run(anIssue({ sprintIds: [] }), aReadiness());
    expect(none.sprintReads).toEqual([]);
    expect(none.appWrites).toEqual([]);
  });

  it('keeps the person’s change when the flag cannot be updated, and says so in the answer', async () => {
    const logged = warn();
    const { run, appWrites } = setup({ sprintAnswer: () => Promise.reject(new Error('Jira answered 503')) });
    const readiness = await run(anIssue({ sprintIds: [7] }), aReadiness());
    expect(readiness.ready).toBe(false);
    expect(readiness.warnings).toEqual([expect.stringContaining('“not-ready” flag could not be updated')]);
    expect(appWrites).toEqual([]);
    expect(logged).toHaveBeenCalled();
  });
});
