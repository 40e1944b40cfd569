import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { ResolverCallError } from './envelope';

/** Shown while the first answer is on its way; reserves height so content does not jump. */
export function LoadingState(props: { label: string; minHeight?: number }) {
  return (
    <div
      data-testid="loading"
      role="status"
      aria-live="polite"
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: token('space.100'), minHeight: props.minHeight ?? 120, color: token('color.text.subtle') }}
    >
      <Spinner size="medium" label={props.label} />
      <span>{props.label}</span>
    </div>
  );
}

function hintFor(error: ResolverCallError): string | null {
  switch (error.code) {
    case 'RATE_LIMITED':
      return error.retryAfterSeconds === undefined ? 'Jira is busy; wait a moment.' : `Jira is busy; try again in ${error.retryAfterSeconds} s.`;
    case 'FORBIDDEN':
      return 'You may not have permission to see this.';
    case 'JIRA_UNAVAILABLE':
      return 'Jira did not answer in time.';
    case 'BAD_REQUEST':
    case 'BAD_RESPONSE':
    case 'CONFLICT':
    case 'INTERNAL':
    case 'INVALID_JIRA_RESPONSE':
    case 'JIRA_TIMEOUT':
    case 'NETWORK':
    case 'NOT_FOUND':
    case 'VALIDATION_FAILED':
      return null;
  }
}

/** The error message from the resolver, a hint for the common codes, and a Retry button when retrying can help. */
export function ErrorState(props: { title: string; error: ResolverCallError; onRetry?: () => void; testId?: string }) {
  const hint = hintFor(props.error);
  return (
    <div data-testid={props.testId ?? 'error-state'} data-code={props.error.code} role="alert">
      <SectionMessage appearance="error" title={props.title}>
        <p style={{ margin: 0, overflowWrap: 'anywhere' }}>{props.error.message}</p>
        {hint === null ? null : <p style={{ margin: `${token('space.050')} 0 0`, color: token('color.text.subtle') }}>{hint}</p>}
        {props.onRetry === undefined ? null : (
          <div style={{ marginTop: token('space.150') }}>
            <Button onClick={props.onRetry} testId="retry">
              Retry
            </Button>
          </div>
        )}
      </SectionMessage>
    </div>
  );
}

/** Nothing to show: a calm explanation instead of an empty box. */
export function EmptyState(props: { title: string; description?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div
      data-testid={props.testId ?? 'empty-state'}
      style={{ textAlign: 'center', padding: `${token('space.300')} ${token('space.200')}`, color: token('color.text.subtle') }}
    >
      <p style={{ margin: 0, font: token('font.heading.small'), color: token('color.text') }}>{props.title}</p>
      {props.description === undefined ? null : <p style={{ margin: `${token('space.100')} 0 0` }}>{props.description}</p>}
      {props.action === undefined ? null : <div style={{ marginTop: token('space.200') }}>{props.action}</div>}
    </div>
  );
}
