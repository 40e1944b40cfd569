import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { Agenda } from '../../../src/contract';
import { agendaMarkdown } from './agenda-markdown';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string };

/**
 * False when the frame's permissions policy forbids clipboard writes (a cross-origin Forge
 * iframe without `allow="clipboard-write"`). Asking anyway makes Chromium log a console error,
 * so go straight to the fallback. Only Chromium exposes the policy; elsewhere we just try.
 */
function clipboardAllowedByPolicy(): boolean {
  const policy: unknown = Reflect.get(document, 'featurePolicy');
  const allowsFeature: unknown = typeof policy === 'object' && policy !== null ? Reflect.get(policy, 'allowsFeature') : undefined;
  if (typeof allowsFeature !== 'function') return true;
  return allowsFeature.call(policy, 'clipboard-write') !== false;
}

/**
 * Copies the agenda as Markdown. Clipboard access is often blocked inside the Forge
 * iframe, so the fallback shows the text selected in a textarea for Ctrl+C.
 */
export function CopyAgenda(props: { agenda: Agenda }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const area = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    if (state.kind === 'manual') area.current?.select();
    if (state.kind !== 'copied') return undefined;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    const text = agendaMarkdown(props.agenda);
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (clipboard === undefined || !clipboardAllowedByPolicy()) {
      setState({ kind: 'manual', text });
      return;
    }
    clipboard.writeText(text).then(
      () => setState({ kind: 'copied' }),
      () => setState({ kind: 'manual', text }),
    );
  };

  return (
    <>
      <Button appearance="primary" onClick={copy} testId="copy-agenda">
        Copy agenda
      </Button>
      {state.kind === 'copied' ? (
        <div role="status" data-testid="copy-confirmation" style={{ flexBasis: '100%' }}>
          <SectionMessage appearance="success">
            <p style={{ margin: 0 }}>Agenda copied as Markdown. Paste it into Confluence, Slack or the meeting invite.</p>
          </SectionMessage>
        </div>
      ) : null}
      {state.kind === 'manual' ? (
        <div data-testid="copy-fallback" style={{ flexBasis: '100%' }}>
          <SectionMessage appearance="information" title="Copy the agenda">
            <p style={{ margin: `0 0 ${token('space.100')}` }}>The browser blocked clipboard access here. The text is selected: press Ctrl+C (⌘C on a Mac).</p>
            <textarea
              ref={area}
              data-testid="agenda-markdown"
              readOnly
              value={state.text}
              aria-label="Agenda as Markdown"
              rows={10}
              style={{
                width: '100%',
                font: token('font.code'),
                // font.code sets line-height 1, which makes selected lines touch.
                lineHeight: 1.5,
                color: token('color.text'),
                background: token('color.background.input'),
                border: `${token('border.width')} solid ${token('color.border.input')}`,
                borderRadius: token('radius.small', '3px'),
                padding: token('space.100'),
                boxSizing: 'border-box',
              }}
            />
            <div style={{ marginTop: token('space.100') }}>
              <Button onClick={() => setState({ kind: 'idle' })}>Done</Button>
            </div>
          </SectionMessage>
        </div>
      ) : null}
    </>
  );
}
