import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';

/** Non-fatal problems the resolver met while answering ("2 linked issues are hidden from you"). */
export function WarningList(props: { warnings: readonly string[] }) {
  if (props.warnings.length === 0) return null;
  return (
    <div data-testid="warnings">
      <SectionMessage appearance="warning" title={props.warnings.length === 1 ? 'Good to know' : `${props.warnings.length} things to know`}>
        <ul style={{ margin: 0, paddingLeft: token('space.250') }}>
          {props.warnings.map((w, i) => (
            <li key={i} style={{ overflowWrap: 'anywhere' }}>
              {w}
            </li>
          ))}
        </ul>
      </SectionMessage>
    </div>
  );
}
