import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ManualItem, ProjectSettings } from '../../../src/contract';
import { Inline, Stack, Subtle } from '../../shared/layout';
import { CheckField, FieldErrors, NumberField, TextField } from './fields';
import { useFormState, type Edit } from './form-context';
import { addManualItem } from './manual-items';


function ItemRow(props: { item: ManualItem; index: number; edit: Edit }) {
  const { disabled } = useFormState();
  const { item, index } = props;
  const path = `manualItems.${index}`;
  const set = (patch: Partial<ManualItem>) => props.edit((d) => {
    const target = d.manualItems[index];
    if (target !== undefined) Object.assign(target, patch);
  });
  return (
    <li data-testid={`manual-item-${item.id}`} style={{ padding: `${token('space.150')} 0`, borderTop: `${token('border.width')} solid ${token('color.border')}` }}>
      <Inline gap="space.200" align="start">
        <TextField label="Label" path={`${path}.label`} value={item.label} onChange={(label) => set({ label })} testId={`manual-item-label-${item.id}`} width={280} />
        <NumberField label="Weight" path={`${path}.weight`} value={item.weight} min={0} max={10} onChange={(weight) => set({ weight })} width={90} />
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), paddingTop: token('space.250') }}>
          <Inline gap="space.200">
            <CheckField label="Enabled" checked={item.enabled} onChange={(enabled) => set({ enabled })} testId={`manual-item-enabled-${item.id}`} />
            <CheckField label="Required" checked={item.required} onChange={(required) => set({ required })} testId={`manual-item-required-${item.id}`} />
            <Button appearance="subtle" isDisabled={disabled} onClick={() => props.edit((d) => void d.manualItems.splice(index, 1))} testId={`remove-manual-item-${item.id}`} aria-label={`Remove ${item.label}`}>
              Remove
            </Button>
          </Inline>
        </div>
      </Inline>
      <Subtle small>id: {item.id}</Subtle>
      <FieldErrors path={path} />
    </li>
  );
}

/** Checklist items people tick by hand ("Design reviewed with UX"). */
export function ManualItemsSection(props: { settings: ProjectSettings; edit: Edit }) {
  const { disabled } = useFormState();
  const [label, setLabel] = useState('');
  const items = props.settings.manualItems;
  const add = () => {
    if (label.trim() === '') return;
    props.edit((d) => void (d.manualItems = addManualItem({ items: d.manualItems, label })));
    setLabel('');
  };
  return (
    <Stack gap="space.150">
      {items.length === 0 ? (
        <Subtle small testId="no-manual-items">
          No manual items. Add things only people can judge, such as "Design reviewed with UX".
        </Subtle>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item, index) => (
            <ItemRow key={item.id} item={item} index={index} edit={props.edit} />
          ))}
        </ul>
      )}
      <FieldErrors path="manualItems" />
      {/* Not a nested <form>: the settings form already wraps this section. */}
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <div style={{ width: 280, maxWidth: '100%' }}>
          <Textfield
            aria-label="New checklist item"
            placeholder="New item, e.g. Design reviewed with UX"
            value={label}
            isDisabled={disabled}
            onChange={(e) => setLabel(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              add();
            }}
            testId="new-manual-item"
          />
        </div>
        <Button isDisabled={disabled || label.trim() === ''} onClick={add} testId="add-manual-item">
          Add item
        </Button>
      </div>
    </Stack>
  );
}
