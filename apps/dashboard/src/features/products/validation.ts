import { hasValidCheckDigit, NIE_MAX_LENGTH } from '@jejak/gs1';
import type { TFunction } from 'i18next';

/** A NIE: letters and digits, at most 16 (what fits in AI (90)). */
export function nieProblem(t: TFunction, value: string): string | undefined {
  const nie = value.trim();
  if (!nie) return t('form.required');
  if (nie.length > NIE_MAX_LENGTH) return t('products.errors.nieLength', { max: NIE_MAX_LENGTH });
  if (!/^[A-Za-z0-9]+$/.test(nie)) return t('products.errors.nieCharset');
  return undefined;
}

/** An optional GTIN: 8, 12, 13 or 14 digits with a correct check digit. */
export function gtinProblem(t: TFunction, value: string): string | undefined {
  const gtin = value.trim();
  if (!gtin) return undefined;
  if (!/^(\d{8}|\d{12,14})$/.test(gtin)) return t('products.errors.gtinLength');
  if (!hasValidCheckDigit(gtin)) return t('products.errors.gtinCheck');
  return undefined;
}

/** A GTIN as the API keeps it: 14 digits. */
export const gtin14 = (value: string) => (value.trim() ? value.trim().padStart(14, '0') : undefined);
