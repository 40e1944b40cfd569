import { token } from '@atlaskit/tokens';

/** A summary or description as plain text (React escapes it); long text wraps instead of overflowing. */
export function WrapText(props: { text: string; testId?: string; clampLines?: number }) {
  const clamp = props.clampLines;
  return (
    <span
      data-testid={props.testId}
      title={clamp === undefined ? undefined : props.text}
      style={{
        overflowWrap: 'anywhere',
        whiteSpace: 'pre-wrap',
        color: token('color.text'),
        ...(clamp === undefined ? {} : { display: '-webkit-box', WebkitLineClamp: clamp, WebkitBoxOrient: 'vertical', overflow: 'hidden' }),
      }}
    >
      {props.text}
    </span>
  );
}
