import { token } from '@atlaskit/tokens';
import type { AgendaItem } from '../../../src/contract';
import { FlagLozenges, ScoreLozenge } from '../../shared/flag-lozenges';
import { formatPoints } from '../../shared/format';
import { IssueLink } from '../../shared/issue-link';
import { Inline, Stack, Subtle } from '../../shared/layout';
import { WrapText } from '../../shared/text';
import { FocusList, PlannedIn } from './agenda-rows';

function points(estimate: number | null): string {
  return estimate === null ? 'no estimate' : `${formatPoints(estimate)} ${estimate === 1 ? 'point' : 'points'}`;
}

/** One agenda item as a card: what a narrow frame shows instead of the wide table's row. */
function AgendaCard(props: { item: AgendaItem }) {
  const { item } = props;
  return (
    <li
      style={{
        listStyle: 'none',
        padding: token('space.150'),
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('radius.medium', '6px'),
        background: token('elevation.surface'),
        minWidth: 0,
      }}
    >
      <Stack gap="space.100">
        <Inline spread align="baseline">
          <Inline gap="space.100" align="baseline">
            <Subtle small>#{item.rank}</Subtle>
            <span data-testid={`agenda-row-${item.issueKey}`}>
              <IssueLink issueKey={item.issueKey} />
            </span>
          </Inline>
          <span style={{ font: token('font.body'), fontWeight: token('font.weight.medium'), color: token('color.text') }}>
            <span data-testid={`timebox-${item.issueKey}`}>{item.timeboxMinutes}</span> min
          </span>
        </Inline>
        <WrapText text={item.summary} />
        <Inline gap="space.100">
          <ScoreLozenge score={item.score} ready={item.ready} />
          <Subtle small>
            {item.issueType} · {points(item.estimate)}
          </Subtle>
        </Inline>
        <PlannedIn item={item} />
        {item.flags.length === 0 ? null : <FlagLozenges issueKey={item.issueKey} flags={item.flags} />}
        <FocusList focus={item.focus} />
      </Stack>
    </li>
  );
}

/** The agenda as a list of cards, in rank order, for frames too narrow for the table. */
export function AgendaCards(props: { items: AgendaItem[]; testId: string; caption: string }) {
  return (
    <ol data-testid={props.testId} aria-label={props.caption} style={{ margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      {[...props.items]
        .sort((a, b) => a.rank - b.rank)
        .map((item) => (
          <AgendaCard key={item.issueKey} item={item} />
        ))}
    </ol>
  );
}
