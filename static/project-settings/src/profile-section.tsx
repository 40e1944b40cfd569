import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { CRITERION_HINTS, CRITERION_IDS, PROFILE_IDS, PROFILE_LABELS, criterionLabelFor, type AutoCriterionId, type CriterionSetting, type ProfileId, type ProjectSettings } from '../../../src/contract';
import { pluralType } from '../../shared/format';
import { Inline, Stack, Subtle } from '../../shared/layout';
import { CheckField, FieldErrors, NumberField, ToggleField } from './fields';
import type { Edit } from './form-context';


function ProfilePicker(props: { value: ProfileId; settings: ProjectSettings; onPick: (p: ProfileId) => void }) {
  return (
    <div role="group" aria-label="Issue type profile" data-testid="profile-picker" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
      {PROFILE_IDS.map((id) => (
        <Button key={id} isSelected={id === props.value} aria-pressed={id === props.value} onClick={() => props.onPick(id)} testId={`profile-${id}`}>
          {PROFILE_LABELS[id]}
          {props.settings.profiles[id].excluded ? ' (excluded)' : ''}
        </Button>
      ))}
    </div>
  );
}

const cell = { padding: `${token('space.075')} ${token('space.100')}`, textAlign: 'left', verticalAlign: 'middle' } as const;

function CriterionRow(props: { profile: ProfileId; id: AutoCriterionId; setting: CriterionSetting; edit: Edit; muted: boolean }) {
  const { profile, id, setting, edit } = props;
  const path = `profiles.${profile}.criteria.${id}`;
  const set = (patch: Partial<CriterionSetting>) => edit((d) => Object.assign(d.profiles[profile].criteria[id], patch));
  const label = criterionLabelFor({ id, profile });
  return (
    <tr data-testid={`criterion-setting-${id}`} style={{ borderTop: `${token('border.width')} solid ${token('color.border')}`, opacity: props.muted ? 0.6 : 1 }}>
      <td style={cell}>
        <div style={{ color: token('color.text'), fontWeight: token('font.weight.medium') }}>{label}</div>
        <Subtle small>{CRITERION_HINTS[id]}</Subtle>
        <FieldErrors path={path} />
      </td>
      <td style={cell}>
        <CheckField label={`${label} enabled`} hideLabel checked={setting.enabled} onChange={(enabled) => set({ enabled })} testId={`enabled-${id}`} />
      </td>
      <td style={cell}>
        <CheckField label={`${label} required`} hideLabel checked={setting.required} onChange={(required) => set({ required })} testId={`required-${id}`} />
      </td>
      <td style={{ ...cell, width: 96 }}>
        <NumberField label={`${label} weight`} hideLabel path={`${path}.weight`} value={setting.weight} min={0} max={10} onChange={(weight) => set({ weight })} width={80} testId={`weight-${id}`} />
      </td>
    </tr>
  );
}

/**
 * Which criteria count for each issue type, how much, and which are must-haves. The form owns the
 * chosen profile so a link to a field at fault on another profile can switch to it.
 */
export function ProfileSection(props: { settings: ProjectSettings; edit: Edit; profile: ProfileId; onProfile: (profile: ProfileId) => void }) {
  const { profile, onProfile: setProfile } = props;
  const p = props.settings.profiles[profile];
  const totalWeight = CRITERION_IDS.reduce((sum, id) => sum + (p.criteria[id].enabled ? p.criteria[id].weight : 0), 0);
  return (
    <Stack gap="space.200">
      <Inline spread>
        <ProfilePicker value={profile} settings={props.settings} onPick={setProfile} />
        {p.excluded ? <Lozenge appearance="default">Not scored</Lozenge> : <Subtle small>Total weight {totalWeight}</Subtle>}
      </Inline>
      <ToggleField
        label={`Exclude ${pluralType(PROFILE_LABELS[profile]).toLowerCase()} from the Definition of Ready`}
        path={`profiles.${profile}.excluded`}
        checked={p.excluded}
        onChange={(excluded) => props.edit((d) => void (d.profiles[profile].excluded = excluded))}
        testId={`excluded-${profile}`}
      />
      <div style={{ overflowX: 'auto' }}>
        <table style={{ width: '100%', borderCollapse: 'collapse', minWidth: 460 }} aria-label={`${PROFILE_LABELS[profile]} criteria`}>
          <thead>
            <tr style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
              <th style={cell}>Criterion</th>
              <th style={{ ...cell, width: 80 }}>Enabled</th>
              <th style={{ ...cell, width: 80 }}>Required</th>
              <th style={cell}>Weight (0–10)</th>
            </tr>
          </thead>
          <tbody>
            {CRITERION_IDS.map((id) => (
              <CriterionRow key={id} profile={profile} id={id} setting={p.criteria[id]} edit={props.edit} muted={p.excluded || !p.criteria[id].enabled} />
            ))}
          </tbody>
        </table>
      </div>
    </Stack>
  );
}
