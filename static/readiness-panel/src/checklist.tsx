import { useRef, useState, type ReactNode } from 'react';
import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Criterion, IssueReadiness } from '../../../src/contract';
import { call } from '../../shared/api';
import { renderMessage } from '../../shared/criterion-messages';
import { toCallError, type ResolverCallError } from '../../shared/envelope';
import { formatDate, manualItemId, statusAppearance, statusLabel } from '../../shared/format';
import { Inline, Stack, Subtle } from '../../shared/layout';
import { EmptyState, ErrorState } from '../../shared/states';

const STATUS_GLYPH: Record<Criterion['status'], string> = { pass: '✓', warn: '!', fail: '✕', consider: '○', skip: '–' };

function StatusBadge(props: { status: Criterion['status']; testId: string }) {
  return (
    <span data-testid={props.testId} style={{ display: 'inline-flex' }}>
      <Lozenge appearance={statusAppearance(props.status)}>
        <span aria-hidden="true">{STATUS_GLYPH[props.status]} </span>
        {statusLabel(props.status)}
      </Lozenge>
    </span>
  );
}

function Meta(props: { criterion: Criterion }) {
  const c = props.criterion;
  return (
    <Inline gap="space.075">
      {c.required ? (
        <Lozenge appearance="new" testId={`required-${c.id}`}>
          Required
        </Lozenge>
      ) : null}
      <Subtle small>weight {c.weight}</Subtle>
    </Inline>
  );
}

function Explanation(props: { criterion: Criterion }) {
  const c = props.criterion;
  // The words come from the codes; the server's English is the fallback for a criterion without one.
  const detail = c.message === undefined ? c.detail : renderMessage(c.message);
  const fix = c.fixMessage === undefined ? c.fix : renderMessage(c.fixMessage);
  return (
    <>
      {detail.trim() === '' ? null : (
        <Subtle as="p" small testId={`detail-${c.id}`}>
          {detail}
        </Subtle>
      )}
      {fix === undefined || fix.trim() === '' || c.status === 'pass' ? null : (
        <p data-testid={`fix-${c.id}`} style={{ margin: 0, font: token('font.body.small'), color: token('color.text'), overflowWrap: 'anywhere' }}>
          {/* A gap to consider does not keep the item from ready: it is a suggestion, not a fix. */}
          <strong>{c.status === 'consider' ? 'Worth doing: ' : 'Fix: '}</strong>
          {fix}
        </p>
      )}
    </>
  );
}

const LABEL_STYLE = { font: token('font.body'), fontWeight: token('font.weight.medium'), color: token('color.text') } as const;

/**
 * Status (or checkbox) in a fixed column, so every criterion's label starts at the same place. The
 * column fits the longest status lozenge ("○ Consider", "✕ Missing") whole: at 76 px it read "○ Consi…".
 */
const STATUS_COLUMN = '100px';

function Row(props: { marker: ReactNode; title: ReactNode; criterion: Criterion; children: ReactNode; testId?: string; checked?: boolean }) {
  return (
    <div
      data-testid={props.testId}
      data-checked={props.checked === undefined ? undefined : String(props.checked)}
      style={{ display: 'grid', gridTemplateColumns: `${STATUS_COLUMN} minmax(0, 1fr)`, columnGap: token('space.150'), alignItems: 'start' }}
    >
      {props.marker}
      <Stack gap="space.050">
        <Inline spread>
          {props.title}
          <Meta criterion={props.criterion} />
        </Inline>
        {props.children}
      </Stack>
    </div>
  );
}

function ManualRow(props: { criterion: Criterion; itemId: string; busy: boolean; disabled: boolean; onToggle: (checked: boolean) => void }) {
  const c = props.criterion;
  const checked = c.status === 'pass';
  const inputId = `manual-item-${props.itemId}`;
  const checkbox = (
    <Checkbox
      id={inputId}
      testId={`manual-${props.itemId}`}
      isChecked={checked}
      isDisabled={props.disabled || props.busy}
      onChange={(event) => props.onToggle(event.currentTarget.checked)}
      name={`manual-${props.itemId}`}
    />
  );
  const title = (
    <label htmlFor={inputId} style={{ ...LABEL_STYLE, cursor: props.disabled || props.busy ? 'default' : 'pointer' }}>
      {c.label}
    </label>
  );
  return (
    <Row marker={checkbox} title={title} criterion={c} testId={`manual-${props.itemId}`} checked={checked}>
      {c.checkedBy === undefined ? null : (
        <Subtle small testId={`checked-by-${props.itemId}`}>
          Ticked by {c.checkedBy.displayName} on {formatDate({ iso: c.checkedBy.at })}
        </Subtle>
      )}
      {/* The checkbox is the fix: the row says what ticking it means, not where to tick it. */}
      {checked ? null : (
        <Subtle as="p" small testId={`detail-${c.id}`}>
          {c.status === 'consider' ? 'Not ticked yet — not needed for ready, but worth confirming.' : 'Not ticked yet — tick it once the team has confirmed it.'}
        </Subtle>
      )}
    </Row>
  );
}

function AutoRow(props: { criterion: Criterion }) {
  const c = props.criterion;
  return (
    <Row marker={<StatusBadge status={c.status} testId={`status-of-${c.id}`} />} title={<span style={LABEL_STYLE}>{c.label}</span>} criterion={c}>
      <Explanation criterion={c} />
    </Row>
  );
}

/**
 * The criteria in the order the panel first showed them (failing first, as delivered); criteria
 * met later go last. A tick, a vote or an accepted estimate changes statuses, and a row that
 * jumped away from under the pointer would be the next thing someone clicks by mistake.
 */
function useStableOrder(readiness: IssueReadiness): Criterion[] {
  const order = useRef<{ issueKey: string; ids: string[] } | null>(null);
  if (order.current?.issueKey !== readiness.issueKey) order.current = { issueKey: readiness.issueKey, ids: [] };
  const known = order.current.ids;
  for (const c of readiness.criteria) if (!known.includes(c.id)) known.push(c.id);
  return [...readiness.criteria].sort((a, b) => known.indexOf(a.id) - known.indexOf(b.id));
}

/** Every criterion, failing first as first delivered; manual items can be ticked. */
export function Checklist(props: { readiness: IssueReadiness; onUpdated: (readiness: IssueReadiness) => void }) {
  const [busyItem, setBusyItem] = useState<string | null>(null);
  const [error, setError] = useState<ResolverCallError | null>(null);
  const criteria = useStableOrder(props.readiness);

  const toggle = (itemId: string, checked: boolean) => {
    setBusyItem(itemId);
    setError(null);
    call('setChecklistItem', { itemId, checked })
      .then(props.onUpdated, (e: unknown) => setError(toCallError(e)))
      .finally(() => setBusyItem(null));
  };

  return (
    <section aria-labelledby="checklist-heading" data-testid="checklist">
      <Stack gap="space.150">
        <Heading size="xsmall" as="h3" id="checklist-heading">
          Checklist
        </Heading>
        {error === null ? null : <ErrorState testId="checklist-error" title="Could not update the checklist" error={error} />}
        {criteria.length === 0 ? (
          <EmptyState title="No criteria enabled" description="A project admin can choose criteria in the project settings." />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {criteria.map((c, index) => {
              const itemId = c.manual ? manualItemId(c.id) : null;
              return (
                <li
                  key={c.id}
                  data-testid={`criterion-${c.id}`}
                  data-status={c.status}
                  style={{
                    padding: `${token('space.150')} 0`,
                    borderTop: index === 0 ? 'none' : `${token('border.width')} solid ${token('color.border')}`,
                  }}
                >
                  {itemId === null ? (
                    <AutoRow criterion={c} />
                  ) : (
                    <ManualRow criterion={c} itemId={itemId} busy={busyItem === itemId} disabled={busyItem !== null} onToggle={(checked) => toggle(itemId, checked)} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Stack>
    </section>
  );
}
