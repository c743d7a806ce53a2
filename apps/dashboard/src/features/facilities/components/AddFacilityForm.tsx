import type { TFunction } from 'i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import { checkDigit, hasValidCheckDigit } from '@jejak/gs1';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isBpomAdmin, useViewer } from '../../../app/viewer';
import { errorCodeOf, errorMessage } from '../../../shared/errors';
import { hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { Alert, SelectField, TextField } from '../../../shared/ui';
import { OrganizationsQuery } from '../../organizations/organizations.graphql';
import { CreateFacilityMutation, FacilitiesQuery } from '../facilities.graphql';

type Field = 'organizationId' | 'name' | 'address' | 'regency' | 'province' | 'licenceNumber' | 'gln' | 'latitude' | 'longitude';
type Values = Record<Field, string>;
const EMPTY: Values = { organizationId: '', name: '', address: '', regency: '', province: '', licenceNumber: '', gln: '', latitude: '', longitude: '' };
const RANGES = { latitude: [-90, 90], longitude: [-180, 180] } as const;
const optional = (value: string) => (value.trim() ? value.trim() : null);
const optionalNumber = (value: string) => (value.trim() ? Number(value.trim().replace(',', '.')) : null);

/** What is wrong with a GLN as typed, or null: 13 digits, the last the GS1 check digit of the others. */
export function glnProblem(t: TFunction, value: string): string | null {
  const gln = value.trim();
  if (!gln) return null;
  if (!/^\d+$/.test(gln)) return t('addFacility.glnDigits');
  if (gln.length !== 13) return String(t('addFacility.glnLength', { count: gln.length }));
  if (!hasValidCheckDigit(gln)) return t('addFacility.glnCheckDigit', { digit: checkDigit(gln.slice(0, 12)) });
  return null;
}

/**
 * For administrators: a facility added to an existing organisation, its own for an organisation's
 * administrator, any for BPOM's. The facility takes the organisation's type; the GLN is checked as
 * it is typed.
 */
export function AddFacilityForm() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const anyOrganization = isBpomAdmin(viewer);
  const organizations = useQuery(OrganizationsQuery, { variables: { type: null }, skip: !anyOrganization });
  const [values, setValues] = useState<Values>({ ...EMPTY, organizationId: anyOrganization ? '' : viewer.organization.id });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [create, { loading, error, reset }] = useMutation(CreateFacilityMutation, { refetchQueries: [FacilitiesQuery] });
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);

  const organization = anyOrganization ? organizations.data?.organizations.find((o) => o.id === values.organizationId) : viewer.organization;
  const set = (field: Field) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((current) => ({ ...current, [field]: value }));
    // The GLN is checked as typed; other fields once they are sent.
    if (field === 'gln') setErrors((current) => ({ ...current, gln: glnProblem(t, value) ?? undefined }));
  };

  function validate(): FieldErrors<Field> {
    const found: FieldErrors<Field> = {};
    if (!values.organizationId) found.organizationId = t('form.required');
    if (!values.name.trim()) found.name = t('form.required');
    const gln = glnProblem(t, values.gln);
    if (gln) found.gln = gln;
    for (const field of ['latitude', 'longitude'] as const) {
      const number = optionalNumber(values[field]);
      const [min, max] = RANGES[field];
      if (number !== null && !(Number.isFinite(number) && number >= min && number <= max)) found[field] = t('form.invalidNumber', { min, max });
    }
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    reset();
    const found = validate();
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const result = await create({
        variables: {
          input: {
            organizationId: values.organizationId,
            name: values.name.trim(),
            type: organization?.type ?? null,
            address: optional(values.address),
            regency: optional(values.regency),
            province: optional(values.province),
            licenceNumber: optional(values.licenceNumber),
            gln: optional(values.gln),
            latitude: optionalNumber(values.latitude),
            longitude: optionalNumber(values.longitude),
          },
        },
      });
      setCreated(t('addFacility.created', { name: result.data?.createFacility.name ?? values.name.trim(), organization: organization?.name ?? '' }));
      setValues({ ...EMPTY, organizationId: values.organizationId });
    } catch (failure) {
      if (errorCodeOf(failure) === 'CONFLICT') setErrors({ gln: t('addFacility.glnTaken') });
    }
  }

  return (
    <form ref={form} className="form add-facility" noValidate onSubmit={(event) => void onSubmit(event)} aria-label={t('addFacility.title')}>
      <p className="field-hint">{t('addFacility.intro')}</p>
      {created ? <Alert tone="success">{created}</Alert> : null}
      {error && errorCodeOf(error) !== 'CONFLICT' ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {anyOrganization ? (
        <SelectField label={t('addFacility.organization')} value={values.organizationId} onChange={set('organizationId')} error={errors.organizationId} required>
          <option value="">{t('addFacility.chooseOrganization')}</option>
          {organizations.data?.organizations.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {organization ? <p className="field-hint">{t('addFacility.type', { organization: organization.name, type: t(`organizationType.${organization.type}`) })}</p> : null}
      <TextField label={t('facility.name')} value={values.name} onChange={set('name')} error={errors.name} required />
      <TextField label={t('facility.address')} autoComplete="street-address" value={values.address} onChange={set('address')} error={errors.address} optional />
      <div className="field-row">
        <TextField label={t('facility.regency')} value={values.regency} onChange={set('regency')} error={errors.regency} optional />
        <TextField label={t('facility.province')} value={values.province} onChange={set('province')} error={errors.province} optional />
      </div>
      <div className="field-row">
        <TextField label={t('facility.licenceNumber')} value={values.licenceNumber} onChange={set('licenceNumber')} error={errors.licenceNumber} optional />
        <TextField label={t('facility.gln')} hint={t('addFacility.glnHint')} inputMode="numeric" maxLength={13} value={values.gln} onChange={set('gln')} error={errors.gln} optional />
      </div>
      <div className="field-row">
        <TextField label={t('facility.latitude')} inputMode="decimal" value={values.latitude} onChange={set('latitude')} error={errors.latitude} optional />
        <TextField label={t('facility.longitude')} inputMode="decimal" value={values.longitude} onChange={set('longitude')} error={errors.longitude} optional />
      </div>
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('addFacility.submitting') : t('addFacility.submit')}
      </button>
    </form>
  );
}
