import { createContext, useContext } from 'react';
import type { FieldError } from '../../../src/contract';

export interface FormState {
  /** Read-only mode: every input disabled. */
  disabled: boolean;
  fieldErrors: readonly FieldError[];
}

export const FormContext = createContext<FormState>({ disabled: false, fieldErrors: [] });

export function useFormState(): FormState {
  return useContext(FormContext);
}
