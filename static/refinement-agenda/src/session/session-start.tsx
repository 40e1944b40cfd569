import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { router, view as forgeView } from '@forge/bridge';
import type { Agenda, SessionQuestion, SessionView } from '../../../../src/contract';
import { CopyText } from '../../../shared/copy-text';
import type { ResolverCallError } from '../../../shared/envelope';
import { formatDate } from '../../../shared/format';
import { IssueLink } from '../../../shared/issue-link';
import { Card, Inline, Stack, Subtle } from '../../../shared/layout';
import { peopleOf, QuestionsBlock } from '../../../shared/questions';
import { EmptyState, ErrorState } from '../../../shared/states';

interface PlannedItem {
  issueKey: string;
  summary: string;
  timeboxMinutes: number;
  carriedOver: boolean;
}

/** What the next session will walk: what the last one did not reach, then the agenda in order. */
function plannedItems(agenda: Agenda | null, carryOver: string[]): PlannedItem[] {
  if (!agenda) return [];
  const all = [...agenda.carryOver, ...agenda.items];
  const byKey = new Map(all.map((item) => [item.issueKey, item]));
  const planned: PlannedItem[] = [];
  const seen = new Set<string>();
  for (const key of carryOver) {
    const item = byKey.get(key);
    if (item && !seen.has(key)) planned.push({ issueKey: key, summary: item.summary, timeboxMinutes: item.timeboxMinutes, carriedOver: true });
    seen.add(key);
  }
  for (const item of agenda.items) {
    if (seen.has(item.issueKey)) continue;
    seen.add(item.issueKey);
    planned.push({ issueKey: item.issueKey, summary: item.summary, timeboxMinutes: item.timeboxMinutes, carriedOver: false });
  }
  return planned;
}

/**
 * The page's address for sharing a day ahead: the bridge router builds it
 * (apis-reference/ui-api-bridge/router "getUrl"), the module key comes from the frame's context.
 */
async function agendaPageUrl(projectKey: string | null): Promise<string> {
  const context = await forgeView.getContext();
  const url = await router.getUrl({ target: 'module', moduleKey: context.moduleKey, ...(projectKey ? { projectKey } : {}) });
  if (!url) throw new Error('The page address is not available here.');
  return url.toString();
}

function PlannedItemRow(props: { item: PlannedItem; questions: SessionQuestion[]; view: SessionView; onQuestion: () => void }) {
  const [open, setOpen] = useState(false);
  const openCount = props.questions.filter((question) => question.answer === null).length;
  const panelId = `planned-questions-${props.item.issueKey}`;
  return (
    <li style={{ listStyle: 'none', borderTop: `${token('border.width')} solid ${token('color.border')}`, padding: `${token('space.100')} 0` }} data-testid={`planned-${props.item.issueKey}`}>
      <Inline gap="space.100" spread>
        <Inline gap="space.100" style={{ flex: '1 1 320px' }}>
          <IssueLink issueKey={props.item.issueKey} />
          <span style={{ color: token('color.text'), overflowWrap: 'anywhere' }}>{props.item.summary}</span>
          {props.item.carriedOver ? <Lozenge appearance="moved">Carried over</Lozenge> : null}
        </Inline>
        <Inline gap="space.100">
          <Subtle small>{props.item.timeboxMinutes} min</Subtle>
          <Button appearance="subtle" spacing="compact" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} testId={`planned-questions-toggle-${props.item.issueKey}`}>
            {openCount === 0 ? 'Questions' : `Questions (${openCount} open)`}
          </Button>
        </Inline>
      </Inline>
      {open ? (
        <div id={panelId} style={{ padding: `${token('space.100')} 0 0 ${token('space.200')}` }}>
          <QuestionsBlock
            questions={props.questions}
            issueKey={props.item.issueKey}
            people={peopleOf({ questions: props.view.questions, extra: props.view.session ? [props.view.session.facilitator] : [] })}
            onChanged={props.onQuestion}
            showAnswered
          />
        </div>
      ) : null}
    </li>
  );
}

/** Before a session: what it will cover (with questions to note ahead), who may start it, and the history. */
export function SessionStart(props: {
  view: SessionView;
  agenda: Agenda | null;
  busy: boolean;
  error: ResolverCallError | null;
  onStart: () => void;
  onShow: (number: number) => void;
  onQuestion: () => void;
}) {
  const { view, agenda } = props;
  const planned = plannedItems(agenda, view.carryOver);
  const minutes = planned.reduce((sum, item) => sum + item.timeboxMinutes, 0);
  return (
    <Stack gap="space.300" testId="session-start">
      <Card label="Next refinement session">
        <Stack gap="space.200">
          <Inline spread>
            <Heading size="medium" as="h2">
              Next refinement session
            </Heading>
            <Inline gap="space.100">
              <CopyText
                label="Copy link"
                testId="copy-session-link"
                fieldLabel="Link to this page"
                copiedMessage="Link copied: share it a day ahead so people can note their questions."
                text={() => agendaPageUrl(agenda?.projectKey ?? null)}
              />
              <Button appearance="primary" isDisabled={!view.canFacilitate || props.busy || planned.length === 0} onClick={props.onStart} testId="start-session">
                {props.busy ? 'Starting…' : 'Start session'}
              </Button>
            </Inline>
          </Inline>
          {agenda ? (
            <Subtle>
              {planned.length} items · {minutes} of {agenda.sessionMinutes} min planned. Items the last session did not reach come first. Note questions on any item ahead of time; unanswered ones keep the item from being ready.
            </Subtle>
          ) : (
            <Subtle>The agenda could not be built, so the next session&apos;s items are unknown. Open the Agenda tab to retry.</Subtle>
          )}
          {view.canFacilitate ? null : (
            <SectionMessage appearance="information" testId="cannot-facilitate">
              <p style={{ margin: 0 }}>You can join and follow a session, but not start one: {view.facilitatorRule}</p>
            </SectionMessage>
          )}
          {props.error ? <ErrorState title="Could not start the session" error={props.error} /> : null}
          {planned.length === 0 ? (
            agenda ? (
              <EmptyState title="Nothing to refine" description="The agenda has no items for the next sprints." />
            ) : null
          ) : (
            <ol aria-label="Items of the next session" style={{ margin: 0, padding: 0 }}>
              {planned.map((item) => (
                <PlannedItemRow key={item.issueKey} item={item} view={view} questions={view.questions.filter((question) => question.issueKey === item.issueKey)} onQuestion={props.onQuestion} />
              ))}
            </ol>
          )}
        </Stack>
      </Card>
      <section aria-labelledby="session-history-heading">
        <Stack gap="space.100">
          <Heading size="small" as="h2" id="session-history-heading">
            Past sessions
          </Heading>
          {view.history.length === 0 ? (
            <EmptyState title="No sessions yet" description="Sessions you run appear here with their summaries (the last 20 are kept)." testId="history-empty" />
          ) : (
            <table data-testid="session-history" style={{ borderCollapse: 'collapse', width: '100%', font: token('font.body') }}>
              <thead>
                <tr style={{ textAlign: 'left', color: token('color.text.subtle'), font: token('font.body.small') }}>
                  <th scope="col" style={{ padding: token('space.050') }}>Session</th>
                  <th scope="col" style={{ padding: token('space.050') }}>Started</th>
                  <th scope="col" style={{ padding: token('space.050') }}>Facilitator</th>
                  <th scope="col" style={{ padding: token('space.050') }}>Decided</th>
                  <th scope="col" style={{ padding: token('space.050') }}>
                    <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>Summary</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.history.map((row) => (
                  <tr key={row.number} style={{ borderTop: `${token('border.width')} solid ${token('color.border')}`, color: token('color.text') }} data-testid={`history-${row.number}`}>
                    <td style={{ padding: token('space.050') }}>#{row.number}</td>
                    <td style={{ padding: token('space.050') }}>{formatDate({ iso: row.startedAt, withTime: true })}</td>
                    <td style={{ padding: token('space.050') }}>{row.facilitatorName}</td>
                    <td style={{ padding: token('space.050') }}>
                      {row.discussed} of {row.itemCount}
                      {row.endedAt === null ? (
                        <span style={{ marginLeft: token('space.100') }}>
                          <Lozenge appearance="inprogress">Running</Lozenge>
                        </span>
                      ) : null}
                    </td>
                    <td style={{ padding: token('space.050'), textAlign: 'right' }}>
                      <Button appearance="subtle" spacing="compact" onClick={() => props.onShow(row.number)} testId={`history-show-${row.number}`} aria-label={`Summary of session ${row.number}`}>
                        Summary
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Stack>
      </section>
    </Stack>
  );
}
