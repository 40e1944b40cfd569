import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string };

/**
 * False when the frame's permissions policy forbids clipboard writes (a cross-origin Forge iframe without
 * `allow="clipboard-write"`). Asking anyway makes Chromium log a console error, so go straight to the
 * fallback. Only Chromium exposes the policy; elsewhere we just try.
 */
function clipboardAllowedByPolicy(): boolean {
  const policy: unknown = Reflect.get(document, 'featurePolicy');
  const allowsFeature: unknown = typeof policy === 'object' && policy !== null ? Reflect.get(policy, 'allowsFeature') : undefined;
  if (typeof allowsFeature !== 'function') return true;
  return allowsFeature.call(policy, 'clipboard-write') !== false;
}

/**
 * A copy button for a text made on demand (the agenda, a summary, a link). Clipboard access is often blocked in
 * the Forge iframe: the fallback shows the text selected in a read-only field for Ctrl+C.
 */
export function CopyText(props: { label: string; text: () => string | Promise<string>; copiedMessage: string; fieldLabel: string; testId: string; appearance?: 'primary' | 'default'; rows?: number }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const [failed, setFailed] = useState(false);
  const area = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    if (state.kind === 'manual') area.current?.select();
    if (state.kind !== 'copied') return undefined;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    setFailed(false);
    let text: string;
    try {
      text = await props.text();
    } catch {
      setFailed(true);
      return;
    }
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
      <Button appearance={props.appearance ?? 'default'} onClick={() => void copy()} testId={props.testId}>
        {props.label}
      </Button>
      {failed ? (
        <div role="alert" style={{ flexBasis: '100%' }}>
          <SectionMessage appearance="error">
            <p style={{ margin: 0 }}>Could not make the text to copy. Try again.</p>
          </SectionMessage>
        </div>
      ) : null}
      {state.kind === 'copied' ? (
        <div role="status" data-testid={`${props.testId}-done`} style={{ flexBasis: '100%' }}>
          <SectionMessage appearance="success">
            <p style={{ margin: 0 }}>{props.copiedMessage}</p>
          </SectionMessage>
        </div>
      ) : null}
      {state.kind === 'manual' ? (
        <div data-testid={`${props.testId}-fallback`} style={{ flexBasis: '100%' }}>
          <SectionMessage appearance="information" title={props.fieldLabel}>
            <p style={{ margin: `0 0 ${token('space.100')}` }}>The browser blocked clipboard access here. The text is selected: press Ctrl+C (⌘C on a Mac).</p>
            <textarea
              ref={area}
              data-testid={`${props.testId}-text`}
              readOnly
              value={state.text}
              aria-label={props.fieldLabel}
              rows={props.rows ?? 3}
              style={{
                width: '100%',
                boxSizing: 'border-box',
                font: token('font.code'),
                // font.code sets line-height 1, which makes selected lines touch.
                lineHeight: 1.5,
                color: token('color.text'),
                background: token('color.background.input'),
                border: `${token('border.width')} solid ${token('color.border.input')}`,
                borderRadius: token('radius.small', '3px'),
                padding: token('space.100'),
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
