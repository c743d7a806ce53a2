import type { Gs1Error } from '@jejak/gs1';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/ui';
import { PART_NAMES, mayBeUnfinished, partElement, partProblem, type CodeParts as Parts, type PartName } from '../parts';

/** A sentence for a problem with one field, in the person's language; never the parser's English. */
export function partMessage(t: TFunction, name: PartName, text: string, problem: Gs1Error): string {
  const { ai } = partElement(name, text);
  switch (problem.code) {
    case 'BAD_CHECK_DIGIT':
      return t('verifyParts.problem.checkDigit');
    case 'BAD_DATE':
      return t('verifyParts.problem.date');
    case 'NIE_TOO_LONG':
      return t('verifyParts.problem.nieTooLong');
    case 'BAD_CHARSET':
      return ai === '01' ? t('verifyParts.problem.gtinDigits') : t('verifyParts.problem.charset');
    case 'BAD_LENGTH':
      if (ai === '01') return t('verifyParts.problem.gtinLength');
      if (ai === '17') return t('verifyParts.problem.dateFormat');
      return t('verifyParts.problem.tooLong');
    default:
      return t('verifyParts.problem.other');
  }
}

interface CodePartsProps {
  parts: Parts;
  onChange: (parts: Parts) => void;
  /** Set on submit: every problem is shown, including fields still too short. */
  showAll: boolean;
  /** The parts are what will be checked: key and serial must then be filled in. */
  required: boolean;
  disabled?: boolean;
}

/**
 * GTIN or NIE, batch, expiry and serial, as printed beside the 2D code, each checked as it is
 * typed with `@jejak/gs1`. A field still too short is named only once left or on submit.
 */
export function CodePartsFields({ parts, onChange, showAll, required, disabled }: CodePartsProps) {
  const { t } = useTranslation();
  const [left, setLeft] = useState<ReadonlySet<PartName>>(new Set());

  const errorOf = (name: PartName) => {
    const text = parts[name];
    if (showAll && required && !text.trim() && (name === 'key' || name === 'serial')) return t('verifyParts.required');
    const problem = partProblem(name, text);
    if (!problem) return null;
    if (!showAll && !left.has(name) && mayBeUnfinished(name, text, problem)) return null;
    return partMessage(t, name, text, problem);
  };

  return (
    <fieldset className="verify-parts">
      <legend>{t('verifyParts.legend')}</legend>
      <p className="field-hint">{t('verifyParts.hint')}</p>
      <div className="verify-parts-grid">
        {PART_NAMES.map((name) => (
          <TextField
            key={name}
            label={t(`verifyParts.label.${name}`)}
            hint={t(`verifyParts.fieldHint.${name}`)}
            value={parts[name]}
            error={errorOf(name)}
            disabled={disabled}
            autoComplete="off"
            autoCapitalize={name === 'expiry' ? 'off' : 'characters'}
            spellCheck={false}
            inputMode={name === 'expiry' ? 'numeric' : 'text'}
            onChange={(event) => {
              if (left.has(name)) setLeft((before) => new Set([...before].filter((entry) => entry !== name)));
              onChange({ ...parts, [name]: event.target.value });
            }}
            onBlur={() => setLeft((before) => new Set(before).add(name))}
            data-part={name}
          />
        ))}
      </div>
    </fieldset>
  );
}
