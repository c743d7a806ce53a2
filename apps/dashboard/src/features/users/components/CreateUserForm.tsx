import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationType, Role } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { hasErrors, isEmail, serverFieldErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { localPasswordProblem, passwordFieldError } from '../../account/password';
import { rolesFor } from '../../../shared/organization-types';
import { Alert, SelectField, TextField } from '../../../shared/ui';
import { CreateUserMutation } from '../users.graphql';

type Field = 'name' | 'email' | 'password' | 'role';

interface CreateUserFormProps {
  organizationId: string;
  organizationType: OrganizationType;
  onCreated: () => void;
}

export function CreateUserForm({ organizationId, organizationType, onCreated }: CreateUserFormProps) {
  const { t } = useTranslation();
  const roles = rolesFor(organizationType);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('OPERATOR');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [createUser, { loading, error, reset }] = useMutation(CreateUserMutation);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const found: FieldErrors<Field> = {};
    if (!name.trim()) found.name = t('form.required');
    if (!email.trim()) found.email = t('form.required');
    else if (!isEmail(email)) found.email = t('form.invalidEmail');
    const passwordProblem = localPasswordProblem(t, password);
    if (passwordProblem) found.password = passwordProblem;
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const result = await createUser({
        variables: { input: { name: name.trim(), email: email.trim(), password, role, organizationId } },
      });
      setCreated(result.data?.createUser.email ?? email.trim());
      setName('');
      setEmail('');
      setPassword('');
      setRole('OPERATOR');
      onCreated();
    } catch (failure) {
      const refusal = passwordFieldError(t, failure);
      setErrors(
        refusal?.field === 'password'
          ? { password: refusal.message }
          : serverFieldErrors(t, failure, { name: 'name', email: 'email', password: 'password', role: 'role' }),
      );
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {created ? <Alert tone="success">{t('users.create.created', { email: created })}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error, { CONFLICT: 'users.errors.CONFLICT' })}</Alert> : null}
      <TextField
        label={t('users.create.name')}
        name="name"
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
        required
      />
      <TextField
        label={t('users.create.email')}
        name="email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
        required
      />
      <TextField
        label={t('users.create.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('users.create.passwordHint')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
        required
      />
      <SelectField
        label={t('users.create.role')}
        name="role"
        value={role}
        hint={t(`users.roleHelp.${role}`)}
        onChange={(event) => {
          setRole(event.target.value as Role);
          reset();
        }}
        error={errors.role}
      >
        {roles.map((value) => (
          <option key={value} value={value}>
            {t(`role.${value}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('users.create.submitting') : t('users.create.submit')}
      </button>
    </form>
  );
}
