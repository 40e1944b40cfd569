/**
 * Tiny builders for Atlassian Document Format, so seed descriptions read like the issues they are.
 */
import type { JsonObject } from '../jira/model';

export type Inline = string | JsonObject;

const inline = (part: Inline): JsonObject => (typeof part === 'string' ? { type: 'text', text: part } : part);

export const doc = (...content: JsonObject[]): JsonObject => ({ type: 'doc', version: 1, content });
export const p = (...parts: Inline[]): JsonObject => ({ type: 'paragraph', content: parts.map(inline) });
export const strong = (text: string): JsonObject => ({ type: 'text', text, marks: [{ type: 'strong' }] });
export const link = (text: string, href: string): JsonObject => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
export const inlineCard = (url: string): JsonObject => ({ type: 'inlineCard', attrs: { url } });
export const h = (level: number, text: string): JsonObject => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
export const bullets = (...items: Inline[][]): JsonObject => ({
  type: 'bulletList',
  content: items.map((parts) => ({ type: 'listItem', content: [p(...parts)] })),
});
export const ordered = (...items: string[]): JsonObject => ({
  type: 'orderedList',
  attrs: { order: 1 },
  content: items.map((text) => ({ type: 'listItem', content: [p(text)] })),
});
export const code = (language: string, text: string): JsonObject => ({ type: 'codeBlock', attrs: { language }, content: [{ type: 'text', text }] });

let taskIds = 0;
export const tasks = (...items: [string, boolean][]): JsonObject => ({
  type: 'taskList',
  attrs: { localId: `tl-${(taskIds += 1)}` },
  content: items.map(([text, done]) => ({ type: 'taskItem', attrs: { localId: `ti-${(taskIds += 1)}`, state: done ? 'DONE' : 'TODO' }, content: [{ type: 'text', text }] })),
});
export const media = (id: string, alt: string): JsonObject => ({ type: 'media', attrs: { id, type: 'file', collection: 'jira-10000', alt, width: 1280, height: 720 } });
export const mediaSingle = (id: string, alt: string): JsonObject => ({ type: 'mediaSingle', attrs: { layout: 'center' }, content: [media(id, alt)] });

/** Gherkin scenario written as paragraphs with bold keywords, the most common way people type it. */
export function scenario(title: string, steps: [string, string][]): JsonObject[] {
  return [p(strong('Scenario: '), title), ...steps.map(([keyword, text]) => p(strong(`${keyword} `), text))];
}
