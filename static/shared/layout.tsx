import type { CSSProperties, ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

type Space = Extract<Parameters<typeof token>[0], `space.${string}`>;

/** Hides text from sight but not from screen readers (labels of table cells, "before"/"after"). */
export const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** Vertical stack with token spacing. */
export function Stack(props: { gap?: Space; children: ReactNode; testId?: string; style?: CSSProperties; as?: 'div' | 'section' | 'ul' }) {
  const Tag = props.as ?? 'div';
  return (
    <Tag data-testid={props.testId} style={{ display: 'flex', flexDirection: 'column', gap: token(props.gap ?? 'space.200'), margin: 0, padding: 0, minWidth: 0, ...props.style }}>
      {props.children}
    </Tag>
  );
}

/** Horizontal row that wraps on narrow panels. */
export function Inline(props: { gap?: Space; children: ReactNode; align?: 'center' | 'baseline' | 'start'; spread?: boolean; testId?: string; style?: CSSProperties }) {
  return (
    <div
      data-testid={props.testId}
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: props.align === 'start' ? 'flex-start' : (props.align ?? 'center'),
        justifyContent: props.spread ? 'space-between' : 'flex-start',
        gap: token(props.gap ?? 'space.100'),
        minWidth: 0,
        ...props.style,
      }}
    >
      {props.children}
    </div>
  );
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
