import { useEffect, useState } from 'react';
import { useSession } from '../../app/providers';

export type PhotoState = { kind: 'loading' } | { kind: 'ready'; url: string } | { kind: 'failed' };

/** A complaint's photo, fetched with the login token and shown from a blob URL. */
export function useComplaintPhoto(id: string, enabled: boolean): PhotoState | null {
  const session = useSession();
  const [state, setState] = useState<PhotoState | null>(enabled ? { kind: 'loading' } : null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let url: string | null = null;
    setState({ kind: 'loading' });
    fetch(`/api/complaints/${encodeURIComponent(id)}/photo`, {
      headers: session.token ? { authorization: `Bearer ${session.token}` } : {},
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        url = URL.createObjectURL(await response.blob());
        setState({ kind: 'ready', url });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ kind: 'failed' });
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, enabled, session]);
  return state;
}
