import { restFetch } from '../../shared/rest';
import { saveFile } from '../scan-session/csv';

/** The printer files of a request, fetched with the login token and saved under a useful name. */
export async function downloadCodes(token: string | null, id: string, format: 'csv' | 'xml', name: string) {
  const response = await restFetch(`/api/code-requests/${encodeURIComponent(id)}/codes.${format}`, token);
  saveFile(`${name}.${format}`, await response.blob());
}
