/**
 * Reading the emulated Jira the way a person would look at an issue after the app's triggers
 * ran: labels, the app's comments, the Flagged field and the JQL property. Shared by the
 * trigger, security and fault suites.
 */
import { z } from 'zod';
import type { ProjectSettings } from '../../../src/contract';
import type { Json } from '../../../sandbox/jira/model';
import { APP_ACCOUNT_ID } from '../../../sandbox/seed/demo';
import type { SandboxEnv } from '../../support/sandbox-env';
import { currentSettings, READINESS_PROPERTY, SETTINGS_MODULE } from '../resolvers/resolver-helpers';

const FLAGGED_FIELD = 'customfield_10121';

const adfNode: z.ZodType<{ type: string; text?: string | undefined; content?: AdfNode[] | undefined }> = z.lazy(() =>
  z.object({ type: z.string(), text: z.string().optional(), content: z.array(adfNode).optional() }),
);
type AdfNode = z.infer<typeof adfNode>;

const commentSchema = z.object({ id: z.string(), author: z.object({ accountId: z.string() }), body: adfNode });
const snapshotSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    labels: z.array(z.string()),
    comment: z.object({ comments: z.array(commentSchema) }).optional(),
  }),
  properties: z.record(z.string(), z.unknown()),
});
const propertySchema = z.object({ score: z.number(), state: z.enum(['ready', 'not-ready']), gaps: z.array(z.string()), evaluatedAt: z.string(), v: z.literal(1) });

type IssueView = z.infer<typeof snapshotSchema>;
type AppComment = z.infer<typeof commentSchema>;

function snapshot(env: SandboxEnv, key: string): IssueView {
  return snapshotSchema.parse(env.jira.issueSnapshot(key));
}

export const labelsOf = (env: SandboxEnv, key: string): string[] => snapshot(env, key).fields.labels;

export function appComments(env: SandboxEnv, key: string): AppComment[] {
  return (snapshot(env, key).fields.comment?.comments ?? []).filter((comment) => comment.author.accountId === APP_ACCOUNT_ID);
}

/** The Flagged field as Jira shows it: a non-empty option list when flagged. */
export function isFlagged(env: SandboxEnv, key: string): boolean {
  const value = snapshot(env, key).fields[FLAGGED_FIELD];
  return Array.isArray(value) && value.length > 0;
}

export function readinessPropertyOf(env: SandboxEnv, key: string): z.infer<typeof propertySchema> | null {
  const raw = snapshot(env, key).properties[READINESS_PROPERTY];
  return raw === undefined ? null : propertySchema.parse(raw);
}

/** All text of an ADF document, flattened (to check what a comment says). */
export function adfText(node: AdfNode): string {
  return [node.text ?? '', ...(node.content ?? []).map(adfText)].join(' ');
}

export function hasNode(node: AdfNode, type: string): boolean {
  return node.type === type || (node.content ?? []).some((child) => hasNode(child, type));
}

const paragraph = (text: string): Json => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string): Json => ({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text }] });

/** A story description that passes every automatic text criterion: form, two Gherkin scenarios, scope, design. */
export function readyStoryDescription(goal = 'keep a gift message with my order'): Json {
  return {
    type: 'doc',
    version: 1,
    content: [
      paragraph(`As a shopper sending a present, I want to ${goal}, so that the recipient knows who it is from.`),
      heading('Acceptance criteria'),
      paragraph('Scenario: Shopper adds a gift message'),
      paragraph('Given I have one item in my basket marked as a gift'),
      paragraph('When I type a message of up to 200 characters at checkout'),
      paragraph('Then the message is printed on the packing slip'),
      paragraph('Scenario: Message too long'),
      paragraph('Given I am on the gift step of checkout'),
      paragraph('When I type more than 200 characters'),
      paragraph('Then I see how many characters to remove and cannot continue'),
      heading('Out of scope'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Gift wrapping options and their pricing.')] }] },
      heading('Design'),
      { type: 'paragraph', content: [{ type: 'inlineCard', attrs: { url: 'https://www.figma.com/file/g1ftM5g/Gift-message?node-id=1-2' } }] },
    ],
  };
}

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }).loose() }),
]);
export type AnyEnvelope = z.infer<typeof envelopeSchema>;

/** Parses a resolver answer as an envelope; a non-envelope fails the test. */
export function envelope(value: unknown): AnyEnvelope {
  return envelopeSchema.parse(value);
}

/** Saves the sprint-flag part of the settings through the real resolver. */
export async function saveSprintFlags(env: SandboxEnv, patch: Partial<ProjectSettings['sprintFlags']>, projectKey = 'DEMO'): Promise<void> {
  const settings = await currentSettings(env, projectKey);
  const answer = envelope(
    await env.invoke('saveSettings', { settings: { ...settings, sprintFlags: { ...settings.sprintFlags, ...patch } } }, { accountId: 'ana', projectKey, moduleKey: SETTINGS_MODULE }),
  );
  if (!answer.ok) throw new Error(`saveSettings failed: ${answer.error.code} ${answer.error.message}`);
}
