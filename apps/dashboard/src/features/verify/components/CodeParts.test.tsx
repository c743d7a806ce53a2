import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/i18n';
import { EMPTY_PARTS, combineParts, type CodeParts } from '../parts';
import { CodePartsFields } from './CodeParts';

/** The fields as the verification page holds them: the parts and the code they make. */
function Harness({ showAll = false, required = false }: { showAll?: boolean; required?: boolean }) {
  const [parts, setParts] = useState<CodeParts>(EMPTY_PARTS);
  return (
    <>
      <CodePartsFields parts={parts} onChange={setParts} showAll={showAll} required={required} />
      <output data-testid="code">{combineParts(parts)}</output>
    </>
  );
}

const field = (name: string) => screen.getByRole('textbox', { name });
const errorOf = (name: string) => document.getElementById(field(name).getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error')) ?? '')?.textContent ?? null;

describe('the code typed part by part', () => {
  it('names a wrong check digit as it is typed, in words', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(field('GTIN atau NIE'), '09520123456789');
    expect(errorOf('GTIN atau NIE')).toBe('Angka terakhir GTIN tidak cocok dengan angka lainnya; mungkin ada angka yang salah ketik.');
    expect(field('GTIN atau NIE').getAttribute('aria-invalid')).toBe('true');
    await user.clear(field('GTIN atau NIE'));
    await user.type(field('GTIN atau NIE'), '09520123456788');
    expect(errorOf('GTIN atau NIE')).toBeNull();
  });

  it('does not scold a GTIN still being typed until the field is left', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(field('GTIN atau NIE'), '0952012');
    expect(errorOf('GTIN atau NIE')).toBeNull();
    await user.tab();
    expect(errorOf('GTIN atau NIE')).toBe('GTIN berisi 8, 12, 13, atau 14 angka.');
  });

  it('combines the parts into the code: a NIE, an expiry written as a date, batch and serial', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(field('GTIN atau NIE'), 'dkl1234567890a1');
    await user.type(field('Nomor bets'), 'B7');
    await user.type(field('Tanggal kedaluwarsa'), '31-08-2029');
    await user.type(field('Nomor seri'), 'SN9');
    expect(screen.getByTestId('code').textContent).toBe('(90)DKL1234567890A1(17)290831(10)B7(21)SN9');
    await user.clear(field('Tanggal kedaluwarsa'));
    await user.type(field('Tanggal kedaluwarsa'), '291331');
    expect(errorOf('Tanggal kedaluwarsa')).toBe('Ini bukan tanggal yang benar (bulan 01–12, hari sesuai bulannya).');
  });

  it('asks for the key and the serial once submitted, and speaks English too', async () => {
    render(<Harness showAll required />);
    expect(errorOf('GTIN atau NIE')).toBe('Isi bagian ini; tanpanya kemasan tidak dapat dikenali.');
    expect(errorOf('Nomor seri')).toBe('Isi bagian ini; tanpanya kemasan tidak dapat dikenali.');
    expect(errorOf('Nomor bets')).toBeNull();
    await i18n.changeLanguage('en');
    expect(await screen.findByRole('textbox', { name: 'GTIN or NIE' })).toBeTruthy();
    expect(errorOf('Serial number')).toBe('Fill in this part; without it the pack cannot be identified.');
  });
});
