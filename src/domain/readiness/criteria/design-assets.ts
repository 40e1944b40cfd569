import type { ManualItem } from '../../../contract';
import type { TextDoc } from '../../issue';
import { type CriterionJudge } from '../criterion-context';
import { plural } from '../quote';
import { defineCriterion, off, on } from './criterion-definition';

const DESIGN_TOOLS: readonly { name: string; host: RegExp }[] = [
  { name: 'Figma', host: /(?:^|[/.])figma\.com\b/i },
  { name: 'Miro', host: /(?:^|[/.])miro\.com\b/i },
  { name: 'Sketch', host: /(?:^|[/.])sketch\.(?:com|cloud)\b/i },
  { name: 'InVision', host: /(?:^|[/.])invisionapp\.com\b/i },
  { name: 'Zeplin', host: /(?:^|[/.])zeplin\.(?:io|app)\b/i },
  { name: 'Lucid', host: /(?:^|[/.])lucid(?:chart)?\.(?:app|com|co)\b/i },
];

/** The design tools linked from the docs, in the order first seen. */
function designLinks(docs: readonly (TextDoc | null)[]): string[] {
  const names = new Set<string>();
  for (const doc of docs) {
    if (doc === null) continue;
    for (const url of doc.urls) {
      for (const tool of DESIGN_TOOLS) if (tool.host.test(url)) names.add(tool.name);
    }
  }
  return [...names];
}

/**
 * The manual item a team ticks when a design is not needed or was reviewed ("Design reviewed"),
 * if the project has one switched on. It is off by default, so a fix text may only point at it
 * when it exists: otherwise the panel would send people looking for a checkbox that is not there.
 */
function designReviewItem(manualItems: readonly ManualItem[]): ManualItem | null {
  return manualItems.find((item) => item.enabled && (item.id === 'design-reviewed' || /\bdesign\b/i.test(item.label))) ?? null;
}

export const judgeDesignAssets: CriterionJudge = ({ issue, settings }) => {
  const docs = [issue.description, issue.acceptanceField];
  const media = issue.description.mediaCount + (issue.acceptanceField?.mediaCount ?? 0);
  const tools = designLinks(docs);
  const seen: string[] = [];
  if (issue.attachmentCount > 0) seen.push(plural(issue.attachmentCount, 'attachment'));
  if (media > 0) seen.push(`${plural(media, 'image')} in the description`);
  if (tools.length > 0) seen.push(`${tools.length === 1 ? 'a' : ''} ${tools.join(' and ')} ${tools.length === 1 ? 'link' : 'links'}`.trim());
  if (seen.length > 0) {
    return { status: 'pass', detail: seen.join(', '), message: { code: 'design.seen', params: { attachments: issue.attachmentCount, images: media, tools } } };
  }
  const reviewItem = designReviewItem(settings.manualItems);
  return {
    status: 'warn',
    detail: 'no attachments, images or design links',
    message: { code: 'design.none', params: {} },
    fixMessage: { code: 'design.fix.attach', params: { reviewItem: reviewItem?.label ?? null } },
    fix:
      reviewItem === null
        ? 'Attach mock-ups or link the design (Figma, Miro…) if the change has a user interface'
        : `Attach mock-ups or link the design (Figma, Miro…), or tick ‘${reviewItem.label}’ if none is needed`,
  };
};

export const designAssets = defineCriterion({
  id: 'design-assets',
  label: 'Design assets',
  gapLabel: 'No design assets',
  hint: 'UI work links its designs',
  defaults: { story: on(1), bug: off(), spike: off(), task: off() },
  judge: judgeDesignAssets,
});
