import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { EstimationRound } from '../../../src/contract';
import { cardLabel, initials } from '../format';
import { Stack, Subtle } from '../layout';
import { voterRows } from './estimation-helpers';

function Avatar(props: { name: string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 24,
        height: 24,
        flex: '0 0 24px',
        borderRadius: token('radius.full', '50%'),
        background: token('color.background.accent.blue.subtler'),
        color: token('color.text.accent.blue.bolder'),
        font: token('font.body.small'),
        fontWeight: token('font.weight.bold'),
      }}
    >
      {initials(props.name)}
    </span>
  );
}

/** Who has voted; values only after reveal (the resolver sends none before). */
export function VoterList(props: { round: EstimationRound; myAccountId: string | null }) {
  const rows = voterRows({ round: props.round, myAccountId: props.myAccountId });
  return (
    <div data-testid="voters" data-count={props.round.voterCount}>
      <Stack gap="space.075">
        <Subtle small>
          {props.round.voterCount === 0 ? 'Nobody has voted yet.' : `${props.round.voterCount} ${props.round.voterCount === 1 ? 'person has' : 'people have'} voted`}
        </Subtle>
        {rows.length === 0 ? null : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
            {rows.map((row) => (
              <li key={row.accountId} data-testid={`voter-${row.accountId}`} style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), minWidth: 0 }}>
                <Avatar name={row.displayName} />
                <span style={{ flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere', color: token('color.text') }}>
                  {row.displayName}
                  {row.isMe ? <Subtle small> (you)</Subtle> : null}
                </span>
                {row.value === null ? (
                  <Lozenge appearance="inprogress">{props.round.revealed ? 'no vote' : 'voted'}</Lozenge>
                ) : (
                  <Lozenge appearance="new" isBold testId={`vote-value-${row.accountId}`}>
                    {cardLabel(row.value)}
                  </Lozenge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </div>
  );
}
