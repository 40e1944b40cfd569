import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { Agenda, AgendaItem } from '../../../src/contract';
import { formatDate, formatPoints } from '../../shared/format';
import { Card, Fact, Inline, Stack, Subtle } from '../../shared/layout';
import { EmptyState } from '../../shared/states';
import { WarningList } from '../../shared/warning-list';
import { useNarrow } from '../../shared/use-narrow';
import { CopyText } from '../../shared/copy-text';
import { AgendaCards } from './agenda-cards';
import { agendaMarkdown } from './agenda-markdown';
import { horizonSentence, horizonSize } from './horizon-words';
import { agendaHead, agendaRows } from './agenda-rows';

const SESSION_CHOICES: readonly number[] = [30, 45, 60, 90];
/** Below this frame width the table's columns no longer fit: the agenda becomes a list of cards. */
const CARDS_BELOW_PX = 760;

function SessionPicker(props: { value: number; disabled: boolean; onChange: (minutes: number) => void }) {
  // The remembered or configured length is always offered, even when it is not a usual one.
  const choices = SESSION_CHOICES.includes(props.value) ? SESSION_CHOICES : [...SESSION_CHOICES, props.value].sort((a, b) => a - b);
  return (
    <div role="group" aria-label="Session length in minutes" data-testid="session-minutes" data-value={props.value} style={{ display: 'inline-flex', flexWrap: 'wrap', gap: token('space.050') }}>
      {choices.map((minutes) => (
        <Button
          key={minutes}
          spacing="compact"
          isSelected={minutes === props.value}
          aria-pressed={minutes === props.value}
          isDisabled={props.disabled}
          onClick={() => props.onChange(minutes)}
          testId={`session-minutes-${minutes}`}
        >
          {minutes} min
        </Button>
      ))}
    </div>
  );
}

function AgendaHeader(props: { agenda: Agenda; refreshing: boolean; onSessionMinutes: (m: number) => void; onRefresh: () => void }) {
  const a = props.agenda;
  const over = a.totalMinutes > a.sessionMinutes;
  return (
    <Card label="Session">
      <Stack gap="space.200">
        <Inline spread align="start">
          <Stack gap="space.050">
            <Heading size="medium" as="h2">
              {a.boardName ?? `${a.projectKey} backlog`}
            </Heading>
            <Subtle small>Updated {formatDate({ iso: a.generatedAt, withTime: true })}</Subtle>
          </Stack>
          <Inline gap="space.100">
            <SessionPicker value={a.sessionMinutes} disabled={props.refreshing} onChange={props.onSessionMinutes} />
            <Button appearance="subtle" onClick={props.onRefresh} isLoading={props.refreshing} testId="refresh-agenda">
              Refresh
            </Button>
            <CopyText
              label="Copy agenda"
              appearance="primary"
              testId="copy-agenda"
              fieldLabel="Agenda as Markdown"
              copiedMessage="Agenda copied as Markdown. Paste it into Confluence, Slack or the meeting invite."
              text={() => agendaMarkdown(a)}
              rows={10}
            />
          </Inline>
        </Inline>
        <Inline gap="space.400" rowGap="space.150" align="start">
          <Fact label="Planned" testId="timebox-total">
            <span style={{ color: over ? token('color.text.danger') : token('color.text') }}>
              {a.totalMinutes} of {a.sessionMinutes} min
            </span>
          </Fact>
          <Fact label="Items">{a.items.length}</Fact>
          <Fact label="Looked at" testId="horizon">
            {horizonSize(a)}
          </Fact>
          <Fact label="Team pace" testId="velocity">
            {a.velocity.value === null ? 'unknown' : `${formatPoints(a.velocity.value)} points a sprint`}
          </Fact>
          <Fact label="Estimation field">{a.estimationFieldName ?? 'not found'}</Fact>
        </Inline>
        <Subtle small testId="horizon-sentence">
          {horizonSentence(a)}
          {a.velocity.sprintsUsed.length > 0 ? ` Pace measured over ${a.velocity.sprintsUsed.join(', ')}.` : ''}
        </Subtle>
      </Stack>
    </Card>
  );
}

function Table(props: { items: AgendaItem[]; testId: string; caption: string; narrow: boolean }) {
  if (props.narrow) return <AgendaCards items={props.items} testId={props.testId} caption={props.caption} />;
  return (
    <div data-testid={props.testId} style={{ overflowX: 'auto' }}>
      {/* Column widths are percentages: below this width a narrow frame scrolls instead of wrapping words letter by letter. */}
      <div style={{ minWidth: 960 }}>
        <DynamicTable head={agendaHead()} rows={agendaRows(props.items)} label={props.caption} defaultSortKey="rank" defaultSortOrder="ASC" isFixedSize />
      </div>
    </div>
  );
}

/** What to discuss, in rank order, with a timebox per item and what the meeting should do. */
export function AgendaTab(props: { agenda: Agenda; refreshing: boolean; onSessionMinutes: (minutes: number) => void; onRefresh: () => void }) {
  const a = props.agenda;
  const narrow = useNarrow(CARDS_BELOW_PX);
  return (
    <Stack gap="space.300">
      <AgendaHeader agenda={a} refreshing={props.refreshing} onSessionMinutes={props.onSessionMinutes} onRefresh={props.onRefresh} />
      {a.truncated ? (
        <SectionMessage appearance="warning" title="Backlog too long to walk completely">
          <p style={{ margin: 0 }}>Only the first 200 ranked items were read; the agenda may miss work ranked further down.</p>
        </SectionMessage>
      ) : null}
      <WarningList warnings={a.warnings} />
      {a.items.length === 0 ? (
        <EmptyState title="Nothing to refine" description="Every item in the next sprints is ready. Enjoy the short meeting." />
      ) : (
        <Table items={a.items} testId="agenda-table" caption="Refinement agenda" narrow={narrow} />
      )}
      <section aria-labelledby="carry-over-heading">
        <Stack gap="space.100">
          <Heading size="small" as="h3" id="carry-over-heading">
            Carry-over
          </Heading>
          <Subtle small>Items that did not fit the session; take them next time.</Subtle>
          {a.carryOver.length === 0 ? (
            <div data-testid="carry-over">
              <Subtle small>Nothing carried over.</Subtle>
            </div>
          ) : (
            <Table items={a.carryOver} testId="carry-over" caption="Carry-over" narrow={narrow} />
          )}
        </Stack>
      </section>
    </Stack>
  );
}
