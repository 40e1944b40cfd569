import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { AgendaItem } from '../../../src/contract';
import { FlagLozenges, ScoreLozenge } from '../../shared/flag-lozenges';
import { formatPoints, issueKeySortValue } from '../../shared/format';
import { IssueLink } from '../../shared/issue-link';
import { WrapText } from '../../shared/text';

/** Where the item sits, and a marker when it comes from beyond the next sprints. */
export function PlannedIn(props: { item: AgendaItem }) {
  const { item } = props;
  return (
    <span style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.050'), color: token('color.text.subtlest'), font: token('font.body.small') }}>
      <span>{item.plannedIn}</span>
      {item.beyondHorizon ? (
        <span data-testid={`beyond-${item.issueKey}`} title="Taken from further down the backlog: the next sprints hold too few items to refine.">
          <Lozenge appearance="new">Beyond the next sprints</Lozenge>
        </span>
      ) : null}
    </span>
  );
}

/** What the meeting should do about the item, or "Quick check" when nothing stands out. */
export function FocusList(props: { focus: string[] }) {
  if (props.focus.length === 0) return <span style={{ color: token('color.text.subtlest') }}>Quick check</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: token('space.200') }}>
      {props.focus.map((f, i) => (
        <li key={i} style={{ overflowWrap: 'anywhere' }}>
          {f}
        </li>
      ))}
    </ul>
  );
}

export function agendaHead(): HeadType {
  return {
    cells: [
      { key: 'rank', content: '#', isSortable: true, width: 4 },
      { key: 'key', content: 'Key', isSortable: true, width: 8 },
      { key: 'summary', content: 'Summary', isSortable: true, width: 25 },
      { key: 'type', content: 'Type', isSortable: true, width: 7 },
      { key: 'score', content: 'Score', isSortable: true, width: 10 },
      { key: 'estimate', content: 'Points', isSortable: true, width: 7 },
      { key: 'flags', content: 'Flags', isSortable: true, width: 14 },
      { key: 'focus', content: 'Focus', width: 18 },
      { key: 'timebox', content: 'Min', isSortable: true, width: 5 },
    ],
  };
}

export function agendaRows(items: AgendaItem[]): RowType[] {
  return items.map((item) => ({
    key: item.issueKey,
    cells: [
      { key: item.rank, content: item.rank },
      {
        key: issueKeySortValue(item.issueKey),
        content: (
          <span data-testid={`agenda-row-${item.issueKey}`}>
            <IssueLink issueKey={item.issueKey} />
          </span>
        ),
      },
      {
        key: item.summary.toLowerCase(),
        content: (
          <span>
            <WrapText text={item.summary} />
            <PlannedIn item={item} />
          </span>
        ),
      },
      { key: item.issueType, content: item.issueType },
      { key: item.score, content: <ScoreLozenge score={item.score} ready={item.ready} /> },
      { key: item.estimate ?? -1, content: formatPoints(item.estimate) },
      { key: item.flags.length, content: <FlagLozenges issueKey={item.issueKey} flags={item.flags} /> },
      { content: <FocusList focus={item.focus} /> },
      { key: item.timeboxMinutes, content: <span data-testid={`timebox-${item.issueKey}`}>{item.timeboxMinutes}</span> },
    ],
  }));
}
