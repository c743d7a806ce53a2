import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityInput, OrganizationType } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { hasErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { ORGANIZATION_TYPES, parseOrganizationType } from '../../../shared/organization-types';
import { Alert, SelectField, TextField } from '../../../shared/ui';
import { CreateOrganizationMutation, OrganizationsQuery } from '../organizations.graphql';

type FacilityField = 'facilityName' | 'address' | 'regency' | 'province' | 'licenceNumber' | 'gln' | 'latitude' | 'longitude';
type Field = 'name' | 'type' | FacilityField;
type Values = Record<Field, string>;

const EMPTY: Values = {
  name: '',
  type: '',
  facilityName: '',
  address: '',
  regency: '',
  province: '',
  licenceNumber: '',
  gln: '',
  latitude: '',
  longitude: '',
};

const RANGES = { latitude: [-90, 90], longitude: [-180, 180] } as const;

/** The API names the facility's own name `name` too; the organisation's name is the likelier. */
const SERVER_FIELDS: Record<string, Field> = {
  name: 'name',
  type: 'type',
  address: 'address',
  regency: 'regency',
  province: 'province',
  licenceNumber: 'licenceNumber',
  gln: 'gln',
  latitude: 'latitude',
  longitude: 'longitude',
};

const optional = (value: string) => (value.trim() ? value.trim() : null);
const optionalNumber = (value: string) => (value.trim() ? Number(value.trim().replace(',', '.')) : null);

/** For BPOM administrators: a new organisation and, optionally, its first facility. */
export function CreateOrganizationForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [createOrganization, { loading, error }] = useMutation(CreateOrganizationMutation, {
    refetchQueries: [OrganizationsQuery],
  });
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function validate(): FieldErrors<Field> {
    const found: FieldErrors<Field> = {};
    if (!values.name.trim()) found.name = t('form.required');
    if (!parseOrganizationType(values.type)) found.type = t('form.required');
    if (values.gln.trim() && !/^\d{13}$/.test(values.gln.trim())) found.gln = t('form.invalidGln');
    for (const field of ['latitude', 'longitude'] as const) {
      const number = optionalNumber(values[field]);
      const [min, max] = RANGES[field];
      if (number !== null && !(Number.isFinite(number) && number >= min && number <= max)) {
        found[field] = t('form.invalidNumber', { min, max });
      }
    }
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const found = validate();
    setErrors(found);
    if (hasErrors(found)) return;
    const facility: FacilityInput | null = values.facilityName.trim()
      ? {
          name: values.facilityName.trim(),
          address: optional(values.address),
          regency: optional(values.regency),
          province: optional(values.province),
          licenceNumber: optional(values.licenceNumber),
          gln: optional(values.gln),
          latitude: optionalNumber(values.latitude),
          longitude: optionalNumber(values.longitude),
        }
      : null;
    try {
      const result = await createOrganization({
        variables: { input: { name: values.name.trim(), type: values.type as OrganizationType, facility } },
      });
      setCreated(result.data?.createOrganization.name ?? values.name.trim());
      setValues(EMPTY);
    } catch (failure) {
      setErrors(serverFieldErrors(t, failure, SERVER_FIELDS));
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p className="field-hint">{t('organizations.create.intro')}</p>
      {created ? <Alert tone="success">{t('organizations.create.created', { name: created })}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error, { CONFLICT: 'organizations.errors.CONFLICT' })}</Alert> : null}
      <fieldset>
        <legend>{t('organizations.create.organization')}</legend>
        <TextField label={t('organizations.name')} name="name" autoComplete="organization" value={values.name} onChange={set('name')} error={errors.name} required />
        <SelectField label={t('organizations.type')} name="type" value={values.type} onChange={set('type')} error={errors.type} required>
          <option value="">{t('organizations.create.chooseType')}</option>
          {ORGANIZATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`organizationType.${type}`)}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset>
        <legend>{t('organizations.create.facility')}</legend>
        <p className="field-hint">{t('organizations.create.facilityHint')}</p>
        <TextField label={t('facility.name')} name="facilityName" value={values.facilityName} onChange={set('facilityName')} error={errors.facilityName} optional />
        <TextField label={t('facility.address')} name="address" autoComplete="street-address" value={values.address} onChange={set('address')} error={errors.address} optional />
        <div className="field-row">
          <TextField label={t('facility.regency')} name="regency" value={values.regency} onChange={set('regency')} error={errors.regency} optional />
          <TextField label={t('facility.province')} name="province" value={values.province} onChange={set('province')} error={errors.province} optional />
        </div>
        <div className="field-row">
          <TextField label={t('facility.licenceNumber')} name="licenceNumber" value={values.licenceNumber} onChange={set('licenceNumber')} error={errors.licenceNumber} optional />
          <TextField label={t('facility.gln')} name="gln" inputMode="numeric" maxLength={13} value={values.gln} onChange={set('gln')} error={errors.gln} optional />
        </div>
        <div className="field-row">
          <TextField label={t('facility.latitude')} name="latitude" inputMode="decimal" value={values.latitude} onChange={set('latitude')} error={errors.latitude} optional />
          <TextField label={t('facility.longitude')} name="longitude" inputMode="decimal" value={values.longitude} onChange={set('longitude')} error={errors.longitude} optional />
        </div>
      </fieldset>
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('organizations.create.submitting') : t('organizations.create.submit')}
      </button>
    </form>
  );
}
