import Select from '@atlaskit/select';
import { FACILITATOR_RULES, SCALE_IDS, TSHIRT_SIZES, type FacilitatorRule, type ProjectSettings, type ScaleId } from '../../../src/contract';
import { Inline, Stack } from '../../shared/layout';
import { FieldShell, NumberField, TextField, ToggleField, WordListField } from './fields';
import { parseWordList } from './field-errors';
import { fieldDomId } from './field-focus';
import { useFormState, type Edit } from './form-context';
import { divergenceHint, sizeLimitHint } from './settings-hints';

interface SectionProps {
  settings: ProjectSettings;
  edit: Edit;
}

export const FACILITATOR_LABELS: Record<FacilitatorRule, string> = {
  editors: 'Anyone who can edit issues in the project',
  admins: 'Project admins',
  named: 'Only the people named below',
};
interface FacilitatorOption {
  value: FacilitatorRule;
  label: string;
}
export const SCALE_LABELS: Record<ScaleId, string> = { fibonacci: 'Fibonacci (0, ½, 1, 2, 3, 5, 8, 13…)', 't-shirt': 'T-shirt sizes (XS–XXL)', 'powers-of-two': 'Powers of two (1, 2, 4, 8, 16…)' };

interface ScaleOption {
  label: string;
  value: ScaleId;
}

export function TextSection({ settings, edit }: SectionProps) {
  const t = settings.text;
  return (
    <Stack gap="space.200">
      <Inline gap="space.300" align="start">
        <NumberField label="Minimum description words" path="text.minDescriptionWords" value={t.minDescriptionWords} min={0} onChange={(v) => edit((d) => void (d.text.minDescriptionWords = v))} />
        <NumberField label="Minimum summary words" path="text.minSummaryWords" value={t.minSummaryWords} min={0} onChange={(v) => edit((d) => void (d.text.minSummaryWords = v))} />
        <TextField
          label="Acceptance criteria field"
          path="text.acFieldId"
          value={t.acFieldId ?? ''}
          placeholder="customfield_10050"
          helper="Leave empty when AC live in the description."
          width={240}
          onChange={(v) => edit((d) => void (d.text.acFieldId = v.trim() === '' ? null : v.trim()))}
          testId="ac-field-id"
        />
      </Inline>
      <WordListField label="Acceptance-criteria heading words" path="text.acHeadings" value={t.acHeadings} parse={parseWordList} helper="Comma-separated, e.g. acceptance criteria, AC" onChange={(v) => edit((d) => void (d.text.acHeadings = v))} testId="ac-headings" />
      <WordListField label="Scope heading words" path="text.scopeHeadings" value={t.scopeHeadings} parse={parseWordList} helper="Comma-separated, e.g. out of scope, non-goals" onChange={(v) => edit((d) => void (d.text.scopeHeadings = v))} testId="scope-headings" />
    </Stack>
  );
}

export function EstimationSection({ settings, edit }: SectionProps) {
  const { disabled } = useFormState();
  const e = settings.estimation;
  const options: ScaleOption[] = SCALE_IDS.map((id) => ({ value: id, label: SCALE_LABELS[id] }));
  return (
    <Stack gap="space.200">
      <Inline gap="space.300" align="start">
        <FieldShell id={fieldDomId('estimation.scale')} label="Scale" path="estimation.scale" width={320}>
          <Select<ScaleOption>
            inputId={fieldDomId('estimation.scale')}
            testId="estimation-scale"
            options={options}
            value={options.find((o) => o.value === e.scale) ?? null}
            isDisabled={disabled}
            isSearchable={false}
            onChange={(option) => option !== null && edit((d) => void (d.estimation.scale = option.value))}
          />
        </FieldShell>
        <NumberField label="Divergence at (scale steps)" path="estimation.divergenceSteps" value={e.divergenceSteps} min={1} onChange={(v) => edit((d) => void (d.estimation.divergenceSteps = v))} helper={divergenceHint({ ...e, steps: e.divergenceSteps })} width={240} testId="divergence-steps" />
      </Inline>
      {/* Points per size matter only when the team estimates in T-shirt sizes. */}
      {e.scale === 't-shirt' ? (
        <Inline gap="space.150" align="start" testId="tshirt-points">
          {TSHIRT_SIZES.map((size) => (
            <NumberField key={size} label={`${size} = points`} path={`estimation.tshirtPoints.${size}`} value={e.tshirtPoints[size]} min={0} width={90} onChange={(v) => edit((d) => void (d.estimation.tshirtPoints[size] = v))} />
          ))}
        </Inline>
      ) : null}
      <FacilitationFields settings={settings} edit={edit} />
    </Stack>
  );
}

/** Who runs an estimation round (reveal, new round, accept, timer) and whether revealed values carry names. */
function FacilitationFields({ settings, edit }: SectionProps) {
  const { disabled } = useFormState();
  const e = settings.estimation;
  const options: FacilitatorOption[] = FACILITATOR_RULES.map((id) => ({ value: id, label: FACILITATOR_LABELS[id] }));
  return (
    <Stack gap="space.150">
      <FieldShell id={fieldDomId('estimation.facilitator')} label="Who runs the estimation round" helper="Reveal, new round, accept and the timer. Everyone can vote." path="estimation.facilitator" width={420}>
        <Select<FacilitatorOption>
          inputId={fieldDomId('estimation.facilitator')}
          testId="estimation-facilitator"
          options={options}
          value={options.find((o) => o.value === e.facilitator) ?? null}
          isDisabled={disabled}
          isSearchable={false}
          onChange={(option) => option !== null && edit((d) => void (d.estimation.facilitator = option.value))}
        />
      </FieldShell>
      {e.facilitator === 'named' ? (
        <WordListField
          label="Facilitators (Atlassian account ids, comma-separated)"
          path="estimation.facilitatorIds"
          value={e.facilitatorIds}
          parse={parseWordList}
          testId="estimation-facilitator-ids"
          helper="Find an account id in the person's Jira profile URL."
          onChange={(ids) => edit((d) => void (d.estimation.facilitatorIds = ids))}
        />
      ) : null}
      <ToggleField
        label="Anonymous votes"
        path="estimation.anonymous"
        checked={e.anonymous}
        testId="estimation-anonymous"
        helper="Revealed values are shown without names, so nobody has to be the odd one out. Who has voted is still shown."
        onChange={(checked) => edit((d) => void (d.estimation.anonymous = checked))}
      />
    </Stack>
  );
}

export function LimitsSection({ settings, edit }: SectionProps) {
  return (
    <Inline gap="space.300" align="start">
      <NumberField
        label="Split above (points)"
        path="size.maxPoints"
        value={settings.size.maxPoints}
        min={1}
        onChange={(v) => edit((d) => void (d.size.maxPoints = v))}
        helper={sizeLimitHint({ ...settings.estimation, maxPoints: settings.size.maxPoints })}
        width={240}
        testId="size-max-points"
      />
      <NumberField label="Stale after (days)" path="staleDays" value={settings.staleDays} min={1} onChange={(v) => edit((d) => void (d.staleDays = v))} helper="Items untouched this long are flagged." width={180} />
    </Inline>
  );
}

export function AgendaSection({ settings, edit }: SectionProps) {
  const a = settings.agenda;
  const field = (label: string, key: Exclude<keyof ProjectSettings['agenda'], 'boardId' | 'outcomeComments'>, min: number, helper?: string) => (
    <NumberField key={key} label={label} path={`agenda.${key}`} value={a[key]} min={min} helper={helper} width={170} onChange={(v) => edit((d) => void (d.agenda[key] = v))} testId={`agenda-${key}`} />
  );
  return (
    <Stack gap="space.200">
      <Inline gap="space.300" align="start">
        {field('Session length (min)', 'sessionMinutes', 5)}
        {field('Minimum items', 'minItems', 0)}
        {field('Maximum items', 'maxItems', 1)}
      </Inline>
      <Inline gap="space.300" align="start">
        {field('Base minutes per item', 'baseMinutesPerItem', 1)}
        {field('Extra minutes per gap', 'minutesPerGap', 0, 'Divergence, no estimate, no AC…')}
        {field('Max minutes per item', 'maxMinutesPerItem', 1)}
      </Inline>
      <Inline gap="space.300" align="start">
        {field('Horizon (sprints)', 'horizonSprints', 1, 'How far ahead to refine.')}
        {field('Runway target (sprints)', 'runwayTargetSprints', 0, 'Ready work to keep ahead.')}
      </Inline>
      <ToggleField
        label="Write session outcomes as comments"
        path="agenda.outcomeComments"
        checked={a.outcomeComments}
        onChange={(v) => edit((d) => void (d.agenda.outcomeComments = v))}
        helper="After a refinement session, each decided item gets one comment (posted as the facilitator) with the outcome, the decisions and the open questions. Who may facilitate follows “Who runs the estimation round”."
        testId="agenda-outcome-comments"
      />
    </Stack>
  );
}

export function SprintFlagsSection({ settings, edit }: SectionProps) {
  const f = settings.sprintFlags;
  return (
    <Stack gap="space.150">
      <ToggleField label="Flag not-ready issues when a sprint is created or started" path="sprintFlags.enabled" checked={f.enabled} onChange={(v) => edit((d) => void (d.sprintFlags.enabled = v))} testId="sprint-flags-enabled" />
      <TextField label="Label" path="sprintFlags.label" value={f.label} width={240} onChange={(v) => edit((d) => void (d.sprintFlags.label = v))} helper="Added while the issue is not ready, removed when it is." testId="sprint-flags-label" />
      <ToggleField label="Also set Jira's Flagged field" path="sprintFlags.setFlagged" checked={f.setFlagged} onChange={(v) => edit((d) => void (d.sprintFlags.setFlagged = v))} testId="sprint-flags-flagged" />
      <ToggleField label="Explain with one comment per issue per sprint" path="sprintFlags.comment" checked={f.comment} onChange={(v) => edit((d) => void (d.sprintFlags.comment = v))} testId="sprint-flags-comment" />
    </Stack>
  );
}
