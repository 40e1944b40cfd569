import { z } from 'zod';
import type { ProjectSettings } from '../../contract';
import { perCriterion } from '../readiness/criteria/registry';
import { DEFAULTS_VERSION } from './defaults-version';
import { FACILITATOR_RULES, SCALE_IDS, TSHIRT_SIZES } from './ids';

/** Field-level messages are written for the settings page, which shows them next to the field. */

const between = ({ min, max, int = true }: { min: number; max: number; int?: boolean }) => {
  const base = z.number({ error: (issue) => (issue.input === undefined ? 'Required' : 'Must be a number') });
  const whole = int ? base.int({ error: 'Must be a whole number' }) : base;
  return whole.min(min, { error: `Must be between ${min} and ${max}` }).max(max, { error: `Must be between ${min} and ${max}` });
};

const bool = z.boolean({ error: 'Must be on or off' });

const criterionSetting = z.object({
  enabled: bool,
  required: bool,
  weight: between({ min: 0, max: 10, int: false }),
});

/** One setting per criterion of the registry: adding a criterion adds its key here. */
const criteria = z.object(perCriterion(() => criterionSetting));

const typeProfile = z.object({ excluded: bool, criteria });

export const MANUAL_ITEM_ID = /^[a-z0-9-]{1,40}$/;

const manualItem = z.object({
  id: z.string({ error: 'Must be text' }).regex(MANUAL_ITEM_ID, {
    error: 'Use 1–40 lowercase letters, digits or dashes',
  }),
  label: z
    .string({ error: 'Must be text' })
    .trim()
    .min(1, { error: 'Must not be empty' })
    .max(120, { error: 'Must be at most 120 characters' }),
  enabled: bool,
  required: bool,
  weight: between({ min: 0, max: 10, int: false }),
});

const headingList = z
  .array(z.string({ error: 'Must be text' }).trim().min(1, { error: 'Must not be empty' }).max(60, { error: 'Must be at most 60 characters' }), {
    error: 'Must be a list of headings',
  })
  .max(20, { error: 'At most 20 headings' });

/** Jira labels cannot contain spaces and are at most 255 characters. */
const JIRA_LABEL = /^\S{1,255}$/;

const tshirtPoints = z.object({
  XS: between({ min: 0, max: 1000, int: false }),
  S: between({ min: 0, max: 1000, int: false }),
  M: between({ min: 0, max: 1000, int: false }),
  L: between({ min: 0, max: 1000, int: false }),
  XL: between({ min: 0, max: 1000, int: false }),
  XXL: between({ min: 0, max: 1000, int: false }),
});

export const projectSettingsSchema = z
  .object({
    version: z.literal(1, { error: 'Unsupported settings version' }),
    // Whatever a page sends, settings that pass validation are saved now, under today's defaults.
    defaultsVersion: z
      .unknown()
      .optional()
      .transform((): number => DEFAULTS_VERSION),
    readyThreshold: between({ min: 0, max: 100 }),
    profiles: z.object({ story: typeProfile, bug: typeProfile, task: typeProfile, spike: typeProfile, epic: typeProfile }),
    manualItems: z.array(manualItem, { error: 'Must be a list' }).max(20, { error: 'At most 20 checklist items' }),
    text: z.object({
      minDescriptionWords: between({ min: 0, max: 1000 }),
      acFieldId: z
        .string({ error: 'Must be text' })
        .regex(/^customfield_\d{1,10}$/, { error: 'Must be a custom field id like customfield_10050' })
        .nullable(),
      acHeadings: headingList,
      scopeHeadings: headingList,
      minSummaryWords: between({ min: 0, max: 50 }),
    }),
    estimation: z.object({
      scale: z.enum(SCALE_IDS, { error: `Must be one of ${SCALE_IDS.join(', ')}` }),
      divergenceSteps: between({ min: 1, max: 10 }),
      tshirtPoints,
      facilitator: z.enum(FACILITATOR_RULES, { error: `Must be one of ${FACILITATOR_RULES.join(', ')}` }),
      facilitatorIds: z
        .array(z.string({ error: 'Must be text' }).regex(/^[A-Za-z0-9:_-]{1,128}$/, { error: 'Must be an Atlassian account id' }), { error: 'Must be a list' })
        .max(50, { error: 'At most 50 facilitators' }),
      anonymous: bool,
    }),
    size: z.object({ maxPoints: between({ min: 1, max: 1000, int: false }) }),
    staleDays: between({ min: 1, max: 3650 }),
    agenda: z.object({
      sessionMinutes: between({ min: 10, max: 480 }),
      minItems: between({ min: 1, max: 50 }),
      maxItems: between({ min: 1, max: 50 }),
      baseMinutesPerItem: between({ min: 1, max: 120 }),
      minutesPerGap: between({ min: 0, max: 60 }),
      maxMinutesPerItem: between({ min: 1, max: 240 }),
      horizonSprints: between({ min: 1, max: 10 }),
      runwayTargetSprints: between({ min: 0, max: 10 }),
      boardId: z.number({ error: 'Must be a board id' }).int({ error: 'Must be a board id' }).positive({ error: 'Must be a board id' }).nullable(),
      // Added with the refinement session: settings saved before it get the default.
      outcomeComments: bool.default(true),
    }),
    sprintFlags: z.object({
      enabled: bool,
      label: z.string({ error: 'Must be text' }).regex(JIRA_LABEL, { error: 'Must be a valid Jira label (no spaces)' }),
      setFlagged: bool,
      comment: bool,
    }),
  })
  .superRefine((settings, ctx) => {
    // Rules that tie two fields together; reported on the field the user most likely changed.
    const seen = new Set<string>();
    settings.manualItems.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: ['manualItems', index, 'id'], message: `Duplicate id "${item.id}"` });
      }
      seen.add(item.id);
    });
    const { agenda } = settings;
    if (agenda.minItems > agenda.maxItems) {
      ctx.addIssue({ code: 'custom', path: ['agenda', 'minItems'], message: `Must not be more than the maximum items (${agenda.maxItems})` });
    }
    if (agenda.baseMinutesPerItem > agenda.maxMinutesPerItem) {
      ctx.addIssue({
        code: 'custom',
        path: ['agenda', 'baseMinutesPerItem'],
        message: `Must not be more than the maximum minutes per item (${agenda.maxMinutesPerItem})`,
      });
    }
    if (agenda.baseMinutesPerItem > agenda.sessionMinutes) {
      ctx.addIssue({ code: 'custom', path: ['agenda', 'baseMinutesPerItem'], message: 'Must fit in the session length' });
    }
    const sizes = TSHIRT_SIZES;
    for (let i = 1; i < sizes.length; i += 1) {
      const smaller = sizes[i - 1];
      const size = sizes[i];
      if (smaller && size && settings.estimation.tshirtPoints[size] < settings.estimation.tshirtPoints[smaller]) {
        ctx.addIssue({ code: 'custom', path: ['estimation', 'tshirtPoints', size], message: `Must not be less than ${smaller}` });
      }
    }
  }) satisfies z.ZodType<ProjectSettings>;

/** Compile-time proof that the schema produces exactly the contract type. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const SCHEMA_MATCHES_CONTRACT: Exact<z.output<typeof projectSettingsSchema>, ProjectSettings> = true;
