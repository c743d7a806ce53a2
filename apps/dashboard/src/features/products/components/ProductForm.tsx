import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductFieldsFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { hasErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { Alert, TextField } from '../../../shared/ui';
import { CreateProductMutation, UpdateProductMutation } from '../products.graphql';
import { gtin14, gtinProblem, nieProblem } from '../validation';

type Field = 'nie' | 'name' | 'brand' | 'form' | 'strength' | 'packaging' | 'producer' | 'gtin';
const TEXT_FIELDS: readonly Field[] = ['name', 'brand', 'form', 'strength', 'packaging', 'producer'];
const OPTIONAL: readonly Field[] = ['brand', 'form', 'strength', 'packaging', 'producer', 'gtin'];

type Values = Record<Field, string> & { serialised: boolean };

const empty: Values = { nie: '', name: '', brand: '', form: '', strength: '', packaging: '', producer: '', gtin: '', serialised: true };

function valuesOf(product: ProductFieldsFragment | undefined): Values {
  if (!product) return empty;
  return {
    nie: product.nie,
    name: product.name,
    brand: product.brand ?? '',
    form: product.form ?? '',
    strength: product.strength ?? '',
    packaging: product.packaging ?? '',
    producer: product.producer ?? '',
    gtin: product.gtin ?? '',
    serialised: product.serialised,
  };
}

interface ProductFormProps {
  /** Edit this product; without it, register a new one. */
  product?: ProductFieldsFragment;
  onSaved?: (product: ProductFieldsFragment) => void;
}

/** A product's master data, checked as it is typed. */
export function ProductForm({ product, onSaved }: ProductFormProps) {
  const { t } = useTranslation();
  const editing = !!product;
  const [values, setValues] = useState<Values>(() => valuesOf(product));
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors<Field>>({});
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [create, created] = useMutation(CreateProductMutation);
  const [update, updated] = useMutation(UpdateProductMutation);
  const error = created.error ?? updated.error;
  const loading = created.loading || updated.loading;
  const form = useRef<HTMLFormElement>(null);

  const problems: FieldErrors<Field> = {
    nie: editing ? undefined : nieProblem(t, values.nie),
    name: values.name.trim() ? undefined : t('form.required'),
    gtin: gtinProblem(t, values.gtin),
  };
  for (const [field, message] of Object.entries(serverErrors)) if (message) problems[field as Field] = message;
  const shown = (field: Field) => ((submitted || touched[field]) && problems[field]) || null;
  const [focusKey, setFocusKey] = useState({});
  useFocusFirstInvalid(form, focusKey);

  const set = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setTouched((current) => ({ ...current, [field]: true }));
    setServerErrors((current) => Object.fromEntries(Object.entries(current).filter(([name]) => name !== field)));
    setSaved(null);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setSaved(null);
    if (hasErrors(problems)) {
      setFocusKey({});
      return;
    }
    const optional = (field: Field) => values[field].trim() || undefined;
    try {
      let result: ProductFieldsFragment | undefined;
      if (editing) {
        const input = Object.fromEntries(TEXT_FIELDS.map((field) => [field, values[field].trim() || null]));
        if (!product.gtin && values.gtin.trim()) Object.assign(input, { gtin: gtin14(values.gtin) });
        result = (await update({ variables: { nie: product.nie, input } })).data?.updateProduct;
      } else {
        result = (
          await create({
            variables: {
              input: {
                nie: values.nie.trim().toUpperCase(),
                name: values.name.trim(),
                brand: optional('brand'),
                form: optional('form'),
                strength: optional('strength'),
                packaging: optional('packaging'),
                producer: optional('producer'),
                gtin: gtin14(values.gtin),
                serialised: values.serialised,
              },
            },
          })
        ).data?.createProduct;
        setValues(empty);
        setTouched({});
        setSubmitted(false);
      }
      if (result) {
        setSaved(result.name);
        onSaved?.(result);
      }
    } catch (failure) {
      setServerErrors(serverFieldErrors(t, failure, { nie: 'nie', name: 'name', gtin: 'gtin', brand: 'brand', form: 'form', strength: 'strength', packaging: 'packaging', producer: 'producer' }));
      setFocusKey({});
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {saved ? <Alert tone="success">{t(editing ? 'products.form.updated' : 'products.form.created', { name: saved })}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error, { CONFLICT: 'products.errors.CONFLICT' })}</Alert> : null}
      <div className="field-row">
        <TextField
          label={t('products.field.nie')}
          hint={t('products.form.nieHint')}
          value={values.nie}
          onChange={(event) => set('nie', event.target.value)}
          error={shown('nie')}
          disabled={editing}
          required
          maxLength={32}
          autoComplete="off"
        />
        <TextField
          label={t('products.field.gtin')}
          hint={t('products.form.gtinHint')}
          value={values.gtin}
          inputMode="numeric"
          onChange={(event) => set('gtin', event.target.value)}
          error={shown('gtin')}
          optional
          disabled={editing && !!product.gtin}
          autoComplete="off"
        />
      </div>
      <TextField label={t('products.field.name')} value={values.name} onChange={(event) => set('name', event.target.value)} error={shown('name')} required />
      <div className="field-row">
        {TEXT_FIELDS.filter((field) => field !== 'name').map((field) => (
          <TextField
            key={field}
            label={t(`products.field.${field}`)}
            value={values[field]}
            onChange={(event) => set(field, event.target.value)}
            error={shown(field)}
            optional={OPTIONAL.includes(field)}
          />
        ))}
      </div>
      {editing ? null : (
        <label className="checkbox">
          <input type="checkbox" checked={values.serialised} onChange={(event) => setValues((current) => ({ ...current, serialised: event.target.checked }))} />
          <span>
            {t('products.field.serialised')}
            <span className="field-hint"> {t('products.form.serialisedHint')}</span>
          </span>
        </label>
      )}
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('products.form.saving') : t(editing ? 'products.form.save' : 'products.form.create')}
      </button>
    </form>
  );
}
