import { useEffect, useState, type ReactNode } from 'react';
import Checkbox from '@atlaskit/checkbox';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { VISUALLY_HIDDEN } from '../../shared/layout';
import { errorsFor, parseNumber } from './field-errors';
import { fieldDomId } from './field-focus';
import { useFormState } from './form-context';

/** Server-side messages for one path, each with a `field-error-<path>` hook. */
export function FieldErrors(props: { path: string }) {
  const { fieldErrors } = useFormState();
  const errors = errorsFor({ errors: fieldErrors, path: props.path });
  if (errors.length === 0) return null;
  return (
    <>
      {errors.map((e) => (
        <div key={e.path} role="alert" data-testid={`field-error-${e.path}`} style={{ color: token('color.text.danger'), font: token('font.body.small'), marginTop: token('space.050') }}>
          {e.message}
        </div>
      ))}
    </>
  );
}

function useHasError(path: string): boolean {
  const { fieldErrors } = useFormState();
  return errorsFor({ errors: fieldErrors, path }).length > 0;
}

/** Label above a control, helper text below, errors last. */
export function FieldShell(props: { id: string; label: string; helper?: string; path: string; children: ReactNode; width?: number | string; hideLabel?: boolean }) {
  const labelStyle = { font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), width: props.width ?? 200, maxWidth: '100%' }}>
      <label htmlFor={props.id} style={props.hideLabel ? VISUALLY_HIDDEN : labelStyle}>
        {props.label}
      </label>
      {props.children}
      {props.helper === undefined ? null : <span style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>{props.helper}</span>}
      <FieldErrors path={props.path} />
    </div>
  );
}

/**
 * A number input that keeps what the user typed (so "1." or "" can be edited through)
 * and reports the parsed value; NaN goes to the resolver, which answers with a field error.
 */
export function NumberField(props: { label: string; path: string; value: number; onChange: (value: number) => void; min?: number; max?: number; step?: number; helper?: string; testId?: string; width?: number; hideLabel?: boolean }) {
  const { disabled } = useFormState();
  // Ids follow the settings path so the list of fields at fault can link to and focus each one.
  const id = fieldDomId(props.path);
  const [text, setText] = useState(Number.isFinite(props.value) ? String(props.value) : '');
  useEffect(() => {
    // Follow outside changes (reset to defaults, save answer) without fighting the user's typing.
    setText((current) => (parseNumber(current) === props.value ? current : Number.isFinite(props.value) ? String(props.value) : current));
  }, [props.value]);
  const invalid = useHasError(props.path) || !Number.isFinite(parseNumber(text));
  return (
    <FieldShell id={id} label={props.label} helper={props.helper} path={props.path} width={props.width ?? 160} hideLabel={props.hideLabel}>
      <Textfield
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        isDisabled={disabled}
        isInvalid={invalid}
        testId={props.testId}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          props.onChange(parseNumber(next));
        }}
      />
    </FieldShell>
  );
}

export function TextField(props: { label: string; path: string; value: string; onChange: (value: string) => void; helper?: string; testId?: string; width?: number | string; placeholder?: string }) {
  const { disabled } = useFormState();
  const id = fieldDomId(props.path);
  return (
    <FieldShell id={id} label={props.label} helper={props.helper} path={props.path} width={props.width ?? 320}>
      <Textfield id={id} value={props.value} placeholder={props.placeholder} isDisabled={disabled} isInvalid={useHasError(props.path)} testId={props.testId} onChange={(event) => props.onChange(event.currentTarget.value)} />
    </FieldShell>
  );
}

/**
 * A comma-separated word list edited as text; it is parsed on every change but the
 * text the user typed stays as typed until the value changes from outside.
 */
export function WordListField(props: { label: string; path: string; value: readonly string[]; onChange: (value: string[]) => void; parse: (text: string) => string[]; helper?: string; testId?: string }) {
  const joined = props.value.join(', ');
  const { parse } = props;
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((current) => (parse(current).join(', ') === joined ? current : joined));
  }, [joined, parse]);
  return (
    <TextField
      label={props.label}
      path={props.path}
      value={text}
      helper={props.helper}
      testId={props.testId}
      width={420}
      onChange={(next) => {
        setText(next);
        props.onChange(props.parse(next));
      }}
    />
  );
}

export function ToggleField(props: { label: string; path: string; checked: boolean; onChange: (checked: boolean) => void; helper?: string; testId?: string }) {
  const { disabled } = useFormState();
  const id = fieldDomId(props.path);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
        <Toggle id={id} isChecked={props.checked} isDisabled={disabled} onChange={(event) => props.onChange(event.currentTarget.checked)} testId={props.testId} />
        <label htmlFor={id} style={{ color: token('color.text') }}>
          {props.label}
        </label>
      </div>
      {props.helper === undefined ? null : <span style={{ font: token('font.body.small'), color: token('color.text.subtlest'), paddingLeft: token('space.600') }}>{props.helper}</span>}
      <FieldErrors path={props.path} />
    </div>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId?: string; hideLabel?: boolean }) {
  const { disabled } = useFormState();
  return (
    <Checkbox
      isChecked={props.checked}
      isDisabled={disabled}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
      label={props.hideLabel ? undefined : props.label}
      aria-label={props.hideLabel ? props.label : undefined}
      testId={props.testId}
    />
  );
}
