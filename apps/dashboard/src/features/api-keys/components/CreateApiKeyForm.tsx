import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import { serverFieldErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { Alert, TextField } from '../../../shared/ui';
import { ApiKeysQuery, CreateApiKeyMutation } from '../api-keys.graphql';
import { SecretReveal } from './SecretReveal';

/** Names a new key, then shows its secret until the admin says it is saved. */
export function CreateApiKeyForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'name'>>({});
  const [createApiKey, { data, loading, error, reset }] = useMutation(CreateApiKeyMutation, {
    refetchQueries: [ApiKeysQuery],
    awaitRefetchQueries: true,
  });
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);

  const created = data?.createApiKey;
  if (created) {
    return (
      <SecretReveal
        name={created.apiKey.name}
        secret={created.secret}
        onDone={() => {
          reset();
          setName('');
        }}
      />
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<'name'> = name.trim() ? {} : { name: t('form.required') };
    setErrors(found);
    if (found.name) return;
    try {
      await createApiKey({ variables: { name: name.trim() } });
    } catch (failure) {
      setErrors(serverFieldErrors(t, failure, { name: 'name' }));
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <TextField
        label={t('apiKeys.create.name')}
        name="name"
        autoComplete="off"
        maxLength={100}
        hint={t('apiKeys.create.nameHint')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
        required
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('apiKeys.create.submitting') : t('apiKeys.create.submit')}
      </button>
    </form>
  );
}
