import type { MouseEvent, ReactNode } from 'react';
import { router } from '@forge/bridge';
import { token } from '@atlaskit/tokens';

/**
 * Opens an issue in Jira. Inside the Forge iframe a plain link would navigate the frame,
 * so clicks go through the bridge router; the href keeps "copy link" and middle-click useful.
 */
export function IssueLink(props: { issueKey: string; children?: ReactNode; testId?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const newTab = event.metaKey || event.ctrlKey;
    const location = { target: 'issue', issueKey: props.issueKey } as const;
    (newTab ? router.open(location) : router.navigate(location)).catch(() => {
      // Some hosts only accept URLs.
      void router.open(`/browse/${encodeURIComponent(props.issueKey)}`).catch(() => undefined);
    });
  };
  return (
    <a
      href={`/browse/${encodeURIComponent(props.issueKey)}`}
      onClick={onClick}
      data-testid={props.testId}
      style={{ color: token('color.link'), fontWeight: token('font.weight.medium'), whiteSpace: 'nowrap' }}
    >
      {props.children ?? props.issueKey}
    </a>
  );
}
