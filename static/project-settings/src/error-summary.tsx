import { token } from '@atlaskit/tokens';
import type { FieldError } from '../../../src/contract';
import { faultList, fieldDomId } from './field-focus';

/**
 * The fields at fault after a failed save, each a link that moves focus to its field
 * (`onGo` switches the profile first when the field lives on another one).
 */
export function ErrorSummary(props: { errors: readonly FieldError[]; onGo: (path: string) => void }) {
  const faults = faultList(props.errors);
  if (faults.length === 0) return null;
  return (
    <ul style={{ margin: `${token('space.100')} 0 0`, paddingLeft: token('space.250') }} data-testid="fault-list">
      {faults.map((f) => (
        <li key={f.path} data-testid={`fault-${f.path}`}>
          <a
            href={`#${fieldDomId(f.path)}`}
            onClick={(event) => {
              event.preventDefault();
              props.onGo(f.path);
            }}
          >
            {f.label}
          </a>
          : {f.messages.join(' ')}
        </li>
      ))}
    </ul>
  );
}
