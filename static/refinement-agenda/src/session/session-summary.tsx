import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { SessionItem, SessionView } from '../../../../src/contract';
import { CopyText } from '../../../shared/copy-text';
import { formatDate } from '../../../shared/format';
import { IssueLink } from '../../../shared/issue-link';
import { Card, Fact, Inline, Stack, Subtle } from '../../../shared/layout';
import { formatMinutes, itemElapsedSeconds } from './session-clock';
import { OUTCOME_NAMES, outcomeAppearance } from './session-words';

const cell = { padding: `${token('space.075')} ${token('space.100')}`, verticalAlign: 'top' } as const;

function OutcomeCell(props: { item: SessionItem }) {
  const { item } = props;
  if (item.outcome) return <Lozenge appearance={outcomeAppearance(item.outcome)}>{OUTCOME_NAMES[item.outcome]}</Lozenge>;
  return <Lozenge appearance="default">{item.visited ? 'Not decided' : 'Not reached'}</Lozenge>;
}

/**
 * After the session: the items with time spent against each timebox, outcomes and decisions,
 * questions with owners, what carries over — and the same as Markdown for Confluence or Slack.
 */
export function SessionSummary(props: { view: SessionView; onClose: () => void; closeLabel: string }) {
  const { view } = props;
  const session = view.session;
  if (!session) return null;
  const end = session.endedAt === null ? Date.now() : Date.parse(session.endedAt);
  const totalSeconds = Math.max(0, Math.round((end - Date.parse(session.startedAt)) / 1000));
  const keys = new Set(session.items.map((item) => item.issueKey));
  const open = view.questions.filter((question) => question.answer === null && keys.has(question.issueKey));
  const carried = session.items.filter((item) => item.outcome === null);
  const writeBack = new Map(session.writeBack.map((entry) => [entry.issueKey, entry]));
  const markdown = view.summaryMarkdown;

  return (
    <Stack gap="space.250" testId="session-summary">
      <Card label="Session summary">
        <Stack gap="space.200">
          <Inline spread>
            <Stack gap="space.050">
              <Heading size="medium" as="h2">
                Session #{session.number} summary
              </Heading>
              <Subtle>
                {formatDate({ iso: session.startedAt, withTime: true })} · facilitated by {session.facilitator.displayName}
                {session.status === 'running' ? ' · still running' : ''}
              </Subtle>
            </Stack>
            <Inline gap="space.100">
              {markdown ? (
                <CopyText label="Copy summary" appearance="primary" testId="copy-summary" fieldLabel="Session summary as Markdown" copiedMessage="Summary copied as Markdown: paste it into Confluence or Slack." text={() => markdown} rows={12} />
              ) : null}
              <Button onClick={props.onClose} testId="summary-close">
                {props.closeLabel}
              </Button>
            </Inline>
          </Inline>
          <Inline gap="space.400">
            <Fact label="Time" testId="summary-time">
              {formatMinutes(totalSeconds)} of {session.sessionMinutes} min
            </Fact>
            <Fact label="Decided" testId="summary-decided">
              {session.items.length - carried.length} of {session.items.length}
            </Fact>
            <Fact label="Open questions">{open.length}</Fact>
            <Fact label="Carried over">{carried.length}</Fact>
          </Inline>
        </Stack>
      </Card>
      <div style={{ overflowX: 'auto' }}>
        <table data-testid="summary-items" style={{ borderCollapse: 'collapse', width: '100%', font: token('font.body'), color: token('color.text') }}>
          <caption style={{ textAlign: 'left', font: token('font.heading.small'), padding: `0 0 ${token('space.100')}` }}>Items</caption>
          <thead>
            <tr style={{ textAlign: 'left', color: token('color.text.subtle'), font: token('font.body.small') }}>
              <th scope="col" style={cell}>Item</th>
              <th scope="col" style={cell}>Time / timebox</th>
              <th scope="col" style={cell}>Outcome</th>
              <th scope="col" style={cell}>Decisions</th>
              <th scope="col" style={cell}>Written back</th>
            </tr>
          </thead>
          <tbody>
            {session.items.map((item) => {
              const spent = itemElapsedSeconds(item, end);
              const timebox = item.timeboxMinutes + item.extendedMinutes;
              const over = spent > timebox * 60;
              const written = writeBack.get(item.issueKey);
              return (
                <tr key={item.issueKey} style={{ borderTop: `${token('border.width')} solid ${token('color.border')}` }} data-testid={`summary-item-${item.issueKey}`}>
                  <td style={cell}>
                    <IssueLink issueKey={item.issueKey} /> <span style={{ overflowWrap: 'anywhere' }}>{item.summary}</span>
                  </td>
                  <td style={{ ...cell, whiteSpace: 'nowrap', color: over ? token('color.text.danger') : token('color.text') }}>
                    {formatMinutes(spent)} / {timebox} min
                  </td>
                  <td style={cell}>
                    <OutcomeCell item={item} />
                  </td>
                  <td style={cell}>{item.decisions.length === 0 ? <Subtle>–</Subtle> : item.decisions.join('; ')}</td>
                  <td style={cell}>
                    {written ? (
                      <Subtle small>
                        {written.comment === 'posted' ? 'Comment posted' : written.comment === 'off' ? 'Comments off' : 'Comment failed'}
                        {written.ticked ? ' · discussed ✓' : ''}
                      </Subtle>
                    ) : (
                      <Subtle small>–</Subtle>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Inline gap="space.400" align="start">
        <section aria-labelledby="summary-questions" style={{ flex: '1 1 320px' }}>
          <Stack gap="space.075">
            <Heading size="small" as="h3" id="summary-questions">
              Open questions
            </Heading>
            {open.length === 0 ? (
              <Subtle>None.</Subtle>
            ) : (
              <ul data-testid="summary-questions-list" style={{ margin: 0, paddingLeft: token('space.250'), color: token('color.text') }}>
                {open.map((question) => (
                  <li key={question.id}>
                    <strong>{question.issueKey}</strong> {question.text} — <Subtle>{question.owner ? `owner ${question.owner.displayName}` : 'no owner yet'}{question.due ? `, due ${question.due}` : ''}</Subtle>
                  </li>
                ))}
              </ul>
            )}
          </Stack>
        </section>
        <section aria-labelledby="summary-carried" style={{ flex: '1 1 240px' }}>
          <Stack gap="space.075">
            <Heading size="small" as="h3" id="summary-carried">
              Carried over to the next session
            </Heading>
            {carried.length === 0 ? (
              <Subtle>Nothing.</Subtle>
            ) : (
              <ul style={{ margin: 0, paddingLeft: token('space.250'), color: token('color.text') }}>
                {carried.map((item) => (
                  <li key={item.issueKey}>
                    <IssueLink issueKey={item.issueKey} /> {item.summary}
                  </li>
                ))}
              </ul>
            )}
          </Stack>
        </section>
      </Inline>
      {markdown ? (
        <details>
          <summary style={{ cursor: 'pointer', color: token('color.text.subtle') }}>Show the Markdown</summary>
          <pre data-testid="summary-markdown" style={{ whiteSpace: 'pre-wrap', font: token('font.code'), lineHeight: 1.5, color: token('color.text'), background: token('color.background.neutral'), padding: token('space.150'), borderRadius: token('radius.small', '3px') }}>
            {markdown}
          </pre>
        </details>
      ) : null}
    </Stack>
  );
}
