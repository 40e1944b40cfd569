import { createContext, useContext } from 'react';
import type { FieldError, ProjectSettings } from '../../../src/contract';

export interface FormState {
  /** Read-only mode: every input disabled. */
  disabled: boolean;
  fieldErrors: readonly FieldError[];
}

/** Applies one change to a copy of the draft settings (the form clones before calling `recipe`). */
export type Edit = (recipe: (draft: ProjectSettings) => void) => void;

export const FormContext = createContext<FormState>({ disabled: false, fieldErrors: [] });

export function useFormState(): FormState {
  return useContext(FormContext);
}
