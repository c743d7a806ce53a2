import { useCallback, useState } from 'react';

export interface Place {
  latitude: number;
  longitude: number;
  /** Metres. */
  accuracy: number;
}

export type PlaceState =
  | { status: 'off' }
  | { status: 'locating' }
  | { status: 'on'; place: Place }
  | { status: 'denied' }
  | { status: 'unavailable' };

/**
 * The device's position, asked for only when the user clicks (never on page load), and
 * forgotten when they say so.
 */
export function useDevicePlace() {
  const [state, setState] = useState<PlaceState>({ status: 'off' });

  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'unavailable' });
      return;
    }
    setState({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) =>
        setState({
          status: 'on',
          place: {
            latitude: position.coords.latitude,
            longitude: position.coords.longitude,
            accuracy: position.coords.accuracy,
          },
        }),
      (error) => setState({ status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 5 * 60_000 },
    );
  }, []);

  const forget = useCallback(() => setState({ status: 'off' }), []);
  const place = state.status === 'on' ? state.place : null;
  return { state, place, locate, forget };
}
