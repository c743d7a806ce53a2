import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InspectionReadFieldsFragment } from '../../../gql/graphql';
import { ReadList } from './ReadList';

const read = (over: Partial<InspectionReadFieldsFragment>): InspectionReadFieldsFragment => ({
  id: '1',
  code: '(90)DKL1234567890A1(21)S1',
  verdict: 'GENUINE',
  reasons: [],
  custody: 'HERE',
  expectedFacility: { id: 'f1', name: 'Gudang PBF Nusantara Jakarta Timur' },
  productName: 'Parasetamol 500 mg',
  batch: 'B1',
  readAt: '2026-11-29T03:00:00.000Z',
  repeated: false,
  ...over,
});

describe('the table of packs read in a visit', () => {
  it('shows the newest first, verdict and custody before the code, each cell labelled for phones', () => {
    render(
      <ReadList
        reads={[
          read({ id: '1' }),
          read({ id: '2', code: '(90)DKL1234567890A1(21)S2', verdict: 'CAUTION', reasons: ['RECALLED', 'DISPENSED'], custody: 'OUT_OF_CHAIN', expectedFacility: null }),
          read({ id: '3', code: 'bukan kode', verdict: 'INVALID', reasons: ['MALFORMED'], custody: 'UNKNOWN', expectedFacility: null, productName: null, batch: null }),
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Kemasan yang dibaca (3)' });
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers.slice(0, 3)).toEqual(['Hasil', 'Lokasi menurut catatan', 'Seharusnya di']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['Kode tidak valid', 'Ditarik — jangan digunakan', 'Asli']);
    expect(within(rows[1]!).getByText('Tercatat sudah keluar dari peredaran')).toBeTruthy();
    expect(within(rows[2]!).getByText('Gudang PBF Nusantara Jakarta Timur')).toBeTruthy();
    expect(within(rows[0]!).getByText('bukan kode')).toBeTruthy();
    for (const cell of within(rows[0]!).getAllByRole('cell')) expect(cell.getAttribute('data-label')).toBeTruthy();
  });

  it('has a caption and no rows for an empty visit', () => {
    render(<ReadList reads={[]} />);
    const table = screen.getByRole('table', { name: 'Kemasan yang dibaca (0)' });
    expect(within(table).getAllByRole('row')).toHaveLength(1);
  });
});
