import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../shared/ui';

interface ActingFacilityProps {
  facilities: ReadonlyArray<{ id: string; name: string }>;
  value: string;
  onChange: (id: string) => void;
}

/** Which of my facilities does the work; shown only when there is a choice. */
export function ActingFacility({ facilities, value, onChange }: ActingFacilityProps) {
  const { t } = useTranslation();
  if (facilities.length < 2) {
    return facilities[0] ? (
      <p className="acting-facility">
        {t('movements.actingAt')} <strong>{facilities[0].name}</strong>
      </p>
    ) : null;
  }
  return (
    <SelectField label={t('movements.actingFacility')} value={value} onChange={(event) => onChange(event.target.value)}>
      {facilities.map((facility) => (
        <option key={facility.id} value={facility.id}>
          {facility.name}
        </option>
      ))}
    </SelectField>
  );
}
