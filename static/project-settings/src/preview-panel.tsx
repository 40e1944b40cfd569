import { useEffect, useRef, useState } from 'react';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { ProjectSettings, SettingsPreview } from '../../../src/contract';
import { call } from '../../shared/api';
import { toCallError, type ResolverCallError } from '../../shared/envelope';
import { Card, Inline, Stack, Subtle, VISUALLY_HIDDEN } from '../../shared/layout';
import { WrapText } from '../../shared/text';

const DEBOUNCE_MS = 400;

type PreviewState = { status: 'idle' } | { status: 'ready'; data: SettingsPreview } | { status: 'error'; error: ResolverCallError };

function Score(props: { score: number | null; ready: boolean | null; label: string }) {
  if (props.score === null || props.ready === null) {
    return (
      <span>
        <span style={VISUALLY_HIDDEN}>{props.label} </span>
        <Lozenge>excluded</Lozenge>
      </span>
    );
  }
  return (
    <span>
      <span style={VISUALLY_HIDDEN}>{props.label} </span>
      <Lozenge appearance={props.ready ? 'success' : 'removed'}>{Math.round(props.score)}</Lozenge>
    </span>
  );
}

/** Re-scores the project's top backlog items with the draft ~400 ms after the last edit. */
export function PreviewPanel(props: { settings: ProjectSettings; readOnly: boolean }) {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(() => {
      setBusy(true);
      call('previewSettings', { settings: props.settings }).then(
        (data) => {
          if (request !== latest.current) return;
          setState({ status: 'ready', data });
          setBusy(false);
        },
        (error: unknown) => {
          if (request !== latest.current) return;
          setState({ status: 'error', error: toCallError(error) });
          setBusy(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [props.settings]);

  return (
    <Card testId="preview" label="Preview" style={{ position: 'sticky', top: token('space.100') }}>
      <Stack gap="space.150">
        <Inline spread>
          <Heading size="small" as="h2">
            Preview
          </Heading>
          <span style={{ minWidth: 16, minHeight: 16 }}>{busy ? <Spinner size="small" label="Updating preview" /> : null}</span>
        </Inline>
        <Subtle small>{props.readOnly ? 'Top backlog items scored with these settings.' : 'Top backlog items scored with your unsaved changes.'}</Subtle>
        {state.status === 'idle' ? <Subtle small>Loading…</Subtle> : null}
        {state.status === 'error' ? (
          <div data-testid="preview-error" style={{ color: token('color.text.danger'), overflowWrap: 'anywhere' }}>
            {state.error.code === 'VALIDATION_FAILED' ? 'Fix the highlighted fields to see the preview.' : state.error.message}
          </div>
        ) : null}
        {state.status === 'ready' ? (
          <>
            <div data-testid="preview-counts" data-before={state.data.readyBefore} data-after={state.data.readyAfter} style={{ font: token('font.body.large'), color: token('color.text') }}>
              ready: {state.data.readyBefore} → <strong>{state.data.readyAfter}</strong>
              <Subtle small> of {state.data.rows.length}</Subtle>
            </div>
            {state.data.rows.length === 0 ? (
              <Subtle small>The backlog is empty, so there is nothing to preview.</Subtle>
            ) : (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {state.data.rows.map((row) => {
                  const changed = row.before.score !== row.after.score || row.before.ready !== row.after.ready;
                  return (
                    <li key={row.issueKey} data-testid={`preview-row-${row.issueKey}`} data-changed={changed ? 'true' : 'false'} style={{ padding: `${token('space.100')} 0`, borderTop: `${token('border.width')} solid ${token('color.border')}` }}>
                      <Inline spread align="start">
                        <span style={{ flex: '1 1 160px', minWidth: 0, font: token('font.body.small') }}>
                          <strong style={{ color: token('color.text') }}>{row.issueKey}</strong> <WrapText text={row.summary} clampLines={2} />
                        </span>
                        <Inline gap="space.050">
                          <Score {...row.before} label="before" />
                          <span aria-hidden="true" style={{ color: token('color.text.subtle') }}>
                            →
                          </span>
                          <Score {...row.after} label="after" />
                        </Inline>
                      </Inline>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
