import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { CRITERION_IDS, PROFILE_IDS, PROFILE_LABELS, TSHIRT_SIZES, criterionLabelFor, type CriterionSetting, type ProjectSettings } from '../../../src/contract';
import { pluralType } from '../../shared/format';
import { Card, Stack, Subtle } from '../../shared/layout';
import { FACILITATOR_LABELS, SCALE_LABELS } from './general-sections';
import { divergenceHint, sizeLimitHint } from './settings-hints';

const termStyle = { font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') } as const;
const detailStyle = { margin: 0, color: token('color.text'), overflowWrap: 'anywhere' } as const;
const cell = { padding: `${token('space.075')} ${token('space.100')}`, textAlign: 'left', verticalAlign: 'top' } as const;

/** One "term: value" pair; `testId` lets tests read the value as text. */
function Entry(props: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <dt style={termStyle}>{props.term}</dt>
      <dd style={detailStyle} data-testid={props.testId}>
        {props.children}
      </dd>
    </div>
  );
}

function Facts(props: { children: ReactNode }) {
  return <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: `${token('space.150')} ${token('space.300')}`, margin: 0, padding: 0 }}>{props.children}</dl>;
}

function Part(props: { title: string; children: ReactNode }) {
  return (
    <Card label={props.title}>
      <Stack gap="space.150">
        <Heading size="small" as="h2">
          {props.title}
        </Heading>
        {props.children}
      </Stack>
    </Card>
  );
}

/** "3", "3 required" or "off": the weight is what the column is about, "required" the exception. */
function criterionCell(setting: CriterionSetting): string {
  if (!setting.enabled) return 'off';
  return setting.required ? `${setting.weight} required` : String(setting.weight);
}

const words = (list: readonly string[]) => (list.length === 0 ? 'None' : list.join(', '));
const yesNo = (on: boolean) => (on ? 'Yes' : 'No');

/** The settings as text for people who may not change them: nothing to tab through, everything readable. */
export function SettingsSummary({ settings: s }: { settings: ProjectSettings }) {
  const e = s.estimation;
  // Excluded types are not scored at all, so a column of "not scored" would only be noise.
  const scored = PROFILE_IDS.filter((p) => !s.profiles[p].excluded);
  const excluded = PROFILE_IDS.filter((p) => s.profiles[p].excluded);
  return (
    <Stack gap="space.200" testId="settings-summary">
      <Part title="Readiness">
        <Facts>
          <Entry term="Ready threshold" testId="summary-readyThreshold">
            {s.readyThreshold} of 100
          </Entry>
        </Facts>
      </Part>
      <Part title="Criteria per issue type">
        <Subtle small>
          Weight of each criterion (0–10) per issue type; a required criterion must pass for the issue to be ready.
          {excluded.length === 0 ? '' : ` Not scored: ${excluded.map((p) => pluralType(PROFILE_LABELS[p]).toLowerCase()).join(', ')}.`}
        </Subtle>
        <div style={{ overflowX: 'auto' }}>
          <table style={{ width: '100%', borderCollapse: 'collapse', minWidth: 360, font: token('font.body.small') }} data-testid="summary-criteria">
            <thead>
              <tr style={{ color: token('color.text.subtle') }}>
                <th scope="col" style={cell}>
                  Criterion
                </th>
                {scored.map((p) => (
                  <th scope="col" key={p} style={cell}>
                    {PROFILE_LABELS[p]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CRITERION_IDS.map((id) => (
                <tr key={id} style={{ borderTop: `${token('border.width')} solid ${token('color.border')}` }}>
                  <th scope="row" style={{ ...cell, minWidth: 150, overflowWrap: 'normal', color: token('color.text'), fontWeight: token('font.weight.medium') }}>
                    {criterionLabelFor({ id, profile: 'story' })}
                  </th>
                  {scored.map((p) => (
                    <td key={p} style={{ ...cell, whiteSpace: 'nowrap', color: s.profiles[p].criteria[id].enabled ? token('color.text') : token('color.text.subtlest') }}>
                      {criterionCell(s.profiles[p].criteria[id])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Part>
      <Part title="Manual checklist">
        {s.manualItems.length === 0 ? (
          <Subtle small>No manual items.</Subtle>
        ) : (
          <ul style={{ margin: 0, paddingLeft: token('space.250'), color: token('color.text') }} data-testid="summary-manual-items">
            {s.manualItems.map((item) => (
              <li key={item.id}>
                {item.label} <Subtle small>({item.enabled ? `weight ${criterionCell(item)}` : 'off'})</Subtle>
              </li>
            ))}
          </ul>
        )}
      </Part>
      <Part title="Text analysis">
        <Facts>
          <Entry term="Minimum description words">{s.text.minDescriptionWords}</Entry>
          <Entry term="Minimum summary words">{s.text.minSummaryWords}</Entry>
          <Entry term="Acceptance criteria field">{s.text.acFieldId ?? 'None (read from the description)'}</Entry>
          <Entry term="Acceptance-criteria heading words">{words(s.text.acHeadings)}</Entry>
          <Entry term="Scope heading words">{words(s.text.scopeHeadings)}</Entry>
        </Facts>
      </Part>
      <Part title="Estimation">
        <Facts>
          <Entry term="Scale" testId="summary-scale">
            {SCALE_LABELS[e.scale]}
          </Entry>
          <Entry term="Divergence at">
            {e.divergenceSteps} steps <Subtle small>{divergenceHint({ ...e, steps: e.divergenceSteps })}</Subtle>
          </Entry>
          {e.scale === 't-shirt' ? <Entry term="Points per size">{TSHIRT_SIZES.map((size) => `${size} ${e.tshirtPoints[size]}`).join(', ')}</Entry> : null}
          <Entry term="Who runs the estimation round">{e.facilitator === 'named' ? `${FACILITATOR_LABELS.named}: ${words(e.facilitatorIds)}` : FACILITATOR_LABELS[e.facilitator]}</Entry>
          <Entry term="Anonymous votes">{yesNo(e.anonymous)}</Entry>
        </Facts>
      </Part>
      <Part title="Size and staleness">
        <Facts>
          <Entry term="Split above" testId="summary-maxPoints">
            {s.size.maxPoints} points <Subtle small>{sizeLimitHint({ ...e, maxPoints: s.size.maxPoints })}</Subtle>
          </Entry>
          <Entry term="Stale after">{s.staleDays} days</Entry>
        </Facts>
      </Part>
      <Part title="Refinement agenda">
        <Facts>
          <Entry term="Session length">{s.agenda.sessionMinutes} min</Entry>
          <Entry term="Items">
            {s.agenda.minItems} to {s.agenda.maxItems}
          </Entry>
          <Entry term="Minutes per item">
            {s.agenda.baseMinutesPerItem} + {s.agenda.minutesPerGap} per gap, at most {s.agenda.maxMinutesPerItem}
          </Entry>
          <Entry term="Horizon">{s.agenda.horizonSprints} sprints</Entry>
          <Entry term="Runway target">{s.agenda.runwayTargetSprints} sprints</Entry>
          <Entry term="Session outcomes as comments">{yesNo(s.agenda.outcomeComments)}</Entry>
        </Facts>
      </Part>
      <Part title="Sprint planning flags">
        <Facts>
          <Entry term="Flag not-ready issues">{yesNo(s.sprintFlags.enabled)}</Entry>
          <Entry term="Label">{s.sprintFlags.label}</Entry>
          <Entry term="Set Jira's Flagged field">{yesNo(s.sprintFlags.setFlagged)}</Entry>
          <Entry term="One comment per issue per sprint">{yesNo(s.sprintFlags.comment)}</Entry>
        </Facts>
      </Part>
    </Stack>
  );
}
