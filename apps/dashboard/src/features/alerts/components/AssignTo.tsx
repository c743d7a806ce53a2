import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../shared/ui';

interface AssignToProps {
  /** The colleagues an administrator may choose from. */
  users: ReadonlyArray<{ id: string; name: string }>;
  busy: boolean;
  onAssign: (userId: string) => void;
  /** The wrapper's class: a group of the bulk bar, or a line of its own. */
  className: string;
}

/** "Assign to": a colleague picked from a list, then the button; for one alert or a selection. */
export function AssignTo({ users, busy, onAssign, className }: AssignToProps) {
  const { t } = useTranslation();
  const [assignee, setAssignee] = useState('');
  return (
    <div className={className}>
      <SelectField label={t('alerts.assignTo')} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
        <option value="">{t('alerts.choose')}</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </SelectField>
      <button type="button" className="button button-secondary button-small" disabled={!assignee || busy} onClick={() => onAssign(assignee)}>
        {t('alerts.assign')}
      </button>
    </div>
  );
}
