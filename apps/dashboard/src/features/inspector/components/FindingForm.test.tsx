import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AddInspectionFindingMutation } from '../inspections.graphql';
import { FindingForm } from './FindingForm';

const saved = (text: string): MockLink.MockedResponse => ({
  request: { query: AddInspectionFindingMutation, variables: { inspection: 'v1', text, photo: null } },
  result: { data: { addInspectionFinding: { __typename: 'InspectionFinding', id: 'f1', text, hasPhoto: false, createdAt: '2026-11-29T03:00:00.000Z' } } },
});

function renderForm(mocks: MockLink.MockedResponse[]) {
  const onSaved = vi.fn();
  render(
    <MockedProvider mocks={mocks}>
      <FindingForm visitId="v1" onSaved={onSaved} />
    </MockedProvider>,
  );
  return onSaved;
}

describe('the finding form', () => {
  it('asks for the finding in words before sending anything', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm([]);
    await user.click(screen.getByRole('button', { name: 'Simpan temuan' }));
    expect(screen.getByText('Tuliskan temuannya.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Catatan temuan' }).getAttribute('aria-invalid')).toBe('true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('saves the finding (trimmed), says so, and empties the form for the next', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm([saved('Rak obat berdebu')]);
    const text = screen.getByRole('textbox', { name: 'Catatan temuan' });
    await user.type(text, '  Rak obat berdebu  ');
    await user.click(screen.getByRole('button', { name: 'Simpan temuan' }));
    await screen.findByText('Temuan disimpan.');
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect((text as HTMLTextAreaElement).value).toBe('');
  });

  it('shows a refusal in the page’s words, keeping what was typed', async () => {
    const user = userEvent.setup();
    const onSaved = renderForm([
      {
        request: { query: AddInspectionFindingMutation, variables: { inspection: 'v1', text: 'Terlambat', photo: null } },
        result: { errors: [new GraphQLError('The visit is closed: nothing more can be recorded in it', { extensions: { code: 'CONFLICT' } })] },
      },
    ]);
    const text = screen.getByRole('textbox', { name: 'Catatan temuan' });
    await user.type(text, 'Terlambat');
    await user.click(screen.getByRole('button', { name: 'Simpan temuan' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Data ini bentrok dengan data yang sudah ada.'));
    expect(screen.queryByText(/The visit is closed/)).toBeNull();
    expect((text as HTMLTextAreaElement).value).toBe('Terlambat');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
