import type { CSSProperties, ReactNode } from 'react';
import { Inline as PrimitiveInline, Stack as PrimitiveStack } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';

/** The spacing tokens the primitives accept for gaps. */
type Space = 'space.0' | 'space.025' | 'space.050' | 'space.075' | 'space.100' | 'space.150' | 'space.200' | 'space.250' | 'space.300' | 'space.400' | 'space.500' | 'space.600';

/** Hides text from sight but not from screen readers (labels of table cells, "before"/"after"). */
export const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/**
 * Stack and Inline are @atlaskit/primitives (the compiled entry: its styles ship as a CSS file, so Forge's CSP
 * needs nothing beyond 'unsafe-inline' for styles). These wrappers only keep this app's defaults in one place —
 * token gaps of 200 / 100, rows that wrap on narrow panels and centre by default — so the ~140 call sites stay short.
 * `style` sizes the box as a flex item (`flex: '1 1 320px'`); the primitives take no style, so it goes on a wrapper.
 */
export function Stack(props: { gap?: Space; children: ReactNode; testId?: string; style?: CSSProperties }) {
  const stack = (
    <PrimitiveStack space={props.gap ?? 'space.200'} testId={props.testId}>
      {props.children}
    </PrimitiveStack>
  );
  return props.style === undefined ? stack : <div style={{ minWidth: 0, ...props.style }}>{stack}</div>;
}

/** Horizontal row that wraps on narrow panels. */
export function Inline(props: { gap?: Space; rowGap?: Space; children: ReactNode; align?: 'center' | 'baseline' | 'start' | 'end'; spread?: boolean; testId?: string; style?: CSSProperties }) {
  const row = (
    <PrimitiveInline
      space={props.gap ?? 'space.100'}
      rowSpace={props.rowGap}
      alignBlock={props.align ?? 'center'}
      spread={props.spread === true ? 'space-between' : undefined}
      shouldWrap
      testId={props.testId}
    >
      {props.children}
    </PrimitiveInline>
  );
  return props.style === undefined ? row : <div style={{ minWidth: 0, ...props.style }}>{row}</div>;
}

/** Secondary text (details, hints, timestamps). */
export function Subtle(props: { children: ReactNode; small?: boolean; testId?: string; as?: 'span' | 'p' | 'div' }) {
  const Tag = props.as ?? 'span';
  return (
    <Tag data-testid={props.testId} style={{ color: token('color.text.subtle'), font: token(props.small ? 'font.body.small' : 'font.body'), margin: 0, overflowWrap: 'anywhere' }}>
      {props.children}
    </Tag>
  );
}

/** A bordered card section. */
export function Card(props: { children: ReactNode; testId?: string; style?: CSSProperties; label?: string }) {
  return (
    <section
      aria-label={props.label}
      data-testid={props.testId}
      style={{
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('radius.medium', '6px'),
        padding: token('space.200'),
        background: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        minWidth: 0,
        ...props.style,
      }}
    >
      {props.children}
    </section>
  );
}

/** A labelled figure in a summary row ("Timebox 50 of 60 min", "Velocity 21 pt"). */
export function Fact(props: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div style={{ minWidth: 120 }} data-testid={props.testId}>
      <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{props.label}</div>
      <div style={{ font: token('font.body.large'), color: token('color.text'), fontWeight: token('font.weight.medium') }}>{props.children}</div>
    </div>
  );
}
