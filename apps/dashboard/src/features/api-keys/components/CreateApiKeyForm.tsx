import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/errors';
import { hasErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrors } from '../../../shared/forms';
import { Alert, TextField, formatDateTime } from '../../../shared/ui';
import { currentTimeZone } from '../../../shared/ui/format';
import { ApiKeysQuery, CreateApiKeyMutation } from '../api-keys.graphql';
import { MAX_EXPIRY_DAYS, endOfDayIn, expiryProblem, todayIn } from '../expiry';
import { SecretReveal } from './SecretReveal';

type Field = 'name' | 'expiresOn';

/**
 * Names a new key and, if it should stop working on a day, that day (the key works until the
 * end of it, in the reporting time zone); then shows its secret until the admin says it is saved.
 */
export function CreateApiKeyForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
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
        expiresAt={created.apiKey.expiresAt}
        onDone={() => {
          reset();
          setName('');
          setExpiresOn('');
        }}
      />
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const zone = currentTimeZone();
    const found: FieldErrors<Field> = name.trim() ? {} : { name: t('form.required') };
    const problem = expiresOn ? expiryProblem(expiresOn, zone) : null;
    if (problem) found.expiresOn = t(`apiKeys.create.expiry.${problem}`, { days: MAX_EXPIRY_DAYS });
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const expiresAt = expiresOn ? endOfDayIn(expiresOn, zone).toISOString() : null;
      await createApiKey({ variables: { name: name.trim(), expiresAt } });
    } catch (failure) {
      setErrors(serverFieldErrors(t, failure, { name: 'name', expiresAt: 'expiresOn' }));
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
      <TextField
        label={t('apiKeys.create.expiresOn')}
        name="expiresOn"
        type="date"
        optional
        min={todayIn(currentTimeZone())}
        hint={
          expiresOn && !expiryProblem(expiresOn, currentTimeZone())
            ? t('apiKeys.create.expiresHintDate', { at: formatDateTime(endOfDayIn(expiresOn, currentTimeZone()).toISOString()) })
            : t('apiKeys.create.expiresHint')
        }
        value={expiresOn}
        onChange={(event) => setExpiresOn(event.target.value)}
        error={errors.expiresOn}
      />
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('apiKeys.create.submitting') : t('apiKeys.create.submit')}
      </button>
    </form>
  );
}
