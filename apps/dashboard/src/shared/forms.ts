import { useEffect, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { errorCodeOf, errorFieldOf } from './errors';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: string) => EMAIL.test(value.trim());

/** After a failed submit, the first field marked invalid gets the focus. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, errors: object) {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, errors]);
}

/** A BAD_USER_INPUT naming one of this form's fields marks that field. */
export function serverFieldErrors<Field extends string>(
  t: TFunction,
  error: unknown,
  fields: Readonly<Record<string, Field>>,
): FieldErrors<Field> {
  if (errorCodeOf(error) !== 'BAD_USER_INPUT') return {};
  const name = errorFieldOf(error);
  const field = name ? fields[name] : undefined;
  return field ? ({ [field]: t('form.invalidField') } as FieldErrors<Field>) : {};
}

export const hasErrors = (errors: object) => Object.values(errors).some(Boolean);
