import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import { hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { Alert, TextField } from '../../../shared/ui';
import { ChangePasswordMutation, MySessionsQuery } from '../account.graphql';
import { PASSWORD_MIN, localPasswordProblem, passwordFieldError } from '../password';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

interface ChangePasswordFormProps {
  /** A login made with a temporary password: the API does not ask for it again. */
  temporary?: boolean;
  onChanged?: (sessionsEnded: number) => void;
}

/** A new password, typed twice; the current one first, unless this login used a temporary password. */
export function ChangePasswordForm({ temporary = false, onChanged }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [changed, setChanged] = useState<number | null>(null);
  const [changePassword, { loading, error, reset }] = useMutation(ChangePasswordMutation, {
    refetchQueries: temporary ? [] : [MySessionsQuery],
  });
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(null);
    reset();
    const found: FieldErrors<Field> = {};
    if (!temporary && !currentPassword) found.currentPassword = t('form.required');
    found.newPassword = localPasswordProblem(t, newPassword);
    if (!found.newPassword && confirmPassword !== newPassword) found.confirmPassword = t('account.password.mismatch');
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const result = await changePassword({
        variables: { currentPassword: temporary ? null : currentPassword, newPassword },
      });
      const sessionsEnded = result.data?.changePassword.sessionsEnded ?? 0;
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      setChanged(sessionsEnded);
      onChanged?.(sessionsEnded);
    } catch (failure) {
      const refusal = passwordFieldError(t, failure);
      if (refusal && (refusal.field === 'currentPassword' || refusal.field === 'newPassword')) {
        setErrors({ [refusal.field]: refusal.message });
        reset();
      }
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {changed !== null ? <Alert tone="success">{t('account.password.changed', { count: changed })}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {temporary ? null : (
        <TextField
          label={t('account.password.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={errors.currentPassword}
          required
        />
      )}
      <TextField
        label={t('account.password.new')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t('account.password.rules', { min: PASSWORD_MIN })}
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={errors.newPassword}
        required
      />
      <TextField
        label={t('account.password.confirm')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        value={confirmPassword}
        onChange={(event) => setConfirmPassword(event.target.value)}
        error={errors.confirmPassword}
        required
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('account.password.submitting') : t('account.password.submit')}
      </button>
    </form>
  );
}
