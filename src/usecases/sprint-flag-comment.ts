import type { IssueReadiness } from '../contract';
import type { AdfDoc, AdfNode } from './ports';

const text = (value: string, marks?: AdfNode['marks']): AdfNode => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });

/** The one explanatory comment posted when not-ready work enters a sprint (ADF). */
export function sprintFlagComment({
  readiness,
  sprintName,
  label,
}: {
  readiness: IssueReadiness;
  sprintName: string;
  label: string;
}): AdfDoc {
  const gaps = readiness.criteria.filter((criterion) => criterion.status === 'fail');
  const items: AdfNode[] = gaps.slice(0, 8).map((criterion) => ({
    type: 'listItem',
    content: [paragraph(text(`${criterion.label}: `, [{ type: 'strong' }]), text(criterion.fix ?? criterion.detail))],
  }));
  return {
    type: 'doc',
    version: 1,
    content: [
      paragraph(
        text('Refinement Radar: ', [{ type: 'strong' }]),
        text(`this item entered ${sprintName} but is not ready yet (readiness ${readiness.score}, ready at ${readiness.threshold}). It is labelled “${label}”; nothing is blocked.`),
      ),
      ...(items.length > 0 ? [{ type: 'bulletList', content: items }] : []),
      paragraph(
        text('Fix the gaps above, or bring it to the next refinement session (project sidebar → Refinement agenda). The label is removed automatically once the item is ready.'),
      ),
    ],
  };
}
