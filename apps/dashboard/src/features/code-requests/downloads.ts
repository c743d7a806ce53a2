import { restFetch } from '../../shared/rest';
import { saveFile } from '../scan-session/csv';

/** The printer files of a request, fetched with the login token and saved under a useful name. */
export async function downloadCodes(token: string | null, id: string, format: 'csv' | 'xml', name: string) {
  const response = await restFetch(`/api/code-requests/${encodeURIComponent(id)}/codes.${format}`, token);
  saveFile(`${name}.${format}`, await response.blob());
}

export interface LabelRange {
  /** Symbol size in cm, as the sheets offer. */
  size: string;
  /** Positions from 1; both left out for the whole request. */
  from?: number;
  to?: number;
  lang: 'id' | 'en';
}

/** The request's labels as a PDF (streamed by the API), fetched with the login token and saved. */
export async function downloadLabelsPdf(token: string | null, id: string, range: LabelRange, name: string) {
  const query = new URLSearchParams({ size: range.size, lang: range.lang });
  if (range.from !== undefined) query.set('from', String(range.from));
  if (range.to !== undefined) query.set('to', String(range.to));
  const response = await restFetch(`/api/code-requests/${encodeURIComponent(id)}/labels.pdf?${query.toString()}`, token);
  saveFile(`${name}.pdf`, await response.blob());
}
