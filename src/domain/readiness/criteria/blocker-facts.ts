import type { LinkedIssue, NormalizedIssue } from '../../issue';

/** The linked issues that block this one and are not done yet. */
export function openBlockers(issue: NormalizedIssue): LinkedIssue[] {
  return issue.links.filter((link) => link.direction === 'blocked-by' && link.statusCategory !== 'done');
}

export function isCrossProject({ issue, link }: { issue: NormalizedIssue; link: LinkedIssue }): boolean {
  return link.projectKey.length > 0 && link.projectKey !== issue.projectKey;
}

/** "1 linked issue is hidden from you or deleted" / "2 linked issues are …". */
export function hiddenLinksMessage(count: number): string {
  return count === 1 ? '1 linked issue is hidden from you or deleted' : `${count} linked issues are hidden from you or deleted`;
}

/** "DEMO-12 (In Progress)". */
export function describeLink(link: LinkedIssue): string {
  return `${link.key} (${link.statusName})`;
}
