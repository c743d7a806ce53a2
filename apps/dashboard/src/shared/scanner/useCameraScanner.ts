// The camera side of scanning. The decoder itself (@zxing/*) lives in ./zxing and is loaded on
// demand: screens use this hook (or <CameraScanner>, built on it) and never import @zxing/*.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { primeFeedback, readFeedback } from './feedback';
import { readScan, type ScanFormat, type ScanRead } from './read';
import type { IScannerControls } from './zxing';

let decoder: Promise<typeof import('./zxing')> | null = null;

/** Loads the decoder once; a failed load (offline) is retried on the next call. */
function loadDecoder() {
  decoder ??= import('./zxing').catch((error: unknown) => {
    decoder = null;
    throw error;
  });
  return decoder;
}

/**
 * Where the camera is. The failures are states a screen shows in words: `denied` (the user or
 * a policy refused the camera), `no-camera`, `unsupported` (no camera API here, e.g. a page not
 * served over HTTPS), `busy` (another app holds the camera) and `failed` (anything else).
 */
export type CameraStatus = 'idle' | 'starting' | 'scanning' | 'denied' | 'no-camera' | 'unsupported' | 'busy' | 'failed';

export interface CameraScannerOptions {
  /** Called for each read, already parsed by `@jejak/gs1`. */
  onRead: (read: ScanRead) => void;
  /**
   * `single` (default): the camera stops after the first read, e.g. to show an answer.
   * `continuous`: it keeps reading, for screens that build a list of codes.
   */
  mode?: 'single' | 'continuous';
  /** In continuous mode, the same code is reported again only after this pause. Default 2 s. */
  repeatAfterMs?: number;
  /** Symbologies to look for. Default: GS1 DataMatrix and QR Code. */
  formats?: readonly ScanFormat[];
  /** Beep and vibrate on each read. Default true. */
  feedback?: boolean;
}

export interface CameraScanner {
  /** Attach to the `<video>` that shows the camera: it must be in the page before `start()`. */
  videoRef: RefObject<HTMLVideoElement | null>;
  status: CameraStatus;
  /** True while the camera is starting or scanning. */
  active: boolean;
  /** Opens the camera and decodes until stopped (or the first read, in single mode). */
  start: () => Promise<void>;
  stop: () => void;
}

const DEFAULT_FORMATS: readonly ScanFormat[] = ['DATA_MATRIX', 'QR_CODE'];

/** The rear camera on phones (the one that faces the pack), any camera elsewhere. */
const PREFERRED: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

function statusOfError(error: unknown): CameraStatus {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotSupportedError':
      return 'unsupported';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

async function openCamera(): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia(PREFERRED);
  } catch (error) {
    // A camera that cannot meet the wishes is still a camera: take any.
    if (error instanceof Error && error.name === 'OverconstrainedError') {
      return navigator.mediaDevices.getUserMedia({ audio: false, video: true });
    }
    throw error;
  }
}

const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());

/**
 * Scans GS1 DataMatrix and QR codes with the device camera. Stops the camera when the component
 * unmounts. The latest `onRead` is always the one called, so it need not be memoised.
 */
export function useCameraScanner(options: CameraScannerOptions): CameraScanner {
  const { mode = 'single', repeatAfterMs = 2_000, feedback = true } = options;
  const formats = options.formats ?? DEFAULT_FORMATS;
  const formatsKey = formats.join(',');
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [status, setStatus] = useState<CameraStatus>('idle');
  const onRead = useRef(options.onRead);
  const controls = useRef<IScannerControls | null>(null);
  /** Bumped by every start and stop: a start that finishes after a stop cleans up after itself. */
  const generation = useRef(0);
  const last = useRef<{ text: string; at: number } | null>(null);

  useEffect(() => {
    onRead.current = options.onRead;
  });

  const stop = useCallback(() => {
    generation.current++;
    controls.current?.stop();
    controls.current = null;
    last.current = null;
    setStatus((current) => (current === 'starting' || current === 'scanning' ? 'idle' : current));
  }, []);

  const start = useCallback(async () => {
    if (controls.current) return;
    const run = ++generation.current;
    const current = () => run === generation.current;
    if (feedback) primeFeedback();
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setStatus('unsupported');
      return;
    }
    setStatus('starting');

    let stream: MediaStream;
    try {
      stream = await openCamera();
    } catch (error) {
      if (current()) setStatus(statusOfError(error));
      return;
    }
    const video = videoRef.current;
    if (!current() || !video) {
      stopTracks(stream);
      return;
    }

    try {
      const { createReader, formatOf, isRetryable } = await loadDecoder();
      if (!current()) {
        stopTracks(stream);
        return;
      }
      const reader = createReader(formatsKey.split(',') as ScanFormat[]);
      const started = await reader.decodeFromStream(stream, video, (result, error, loop) => {
        if (!current()) return;
        if (error && !isRetryable(error)) {
          // The decode loop has given up (ZXing stops on unexpected errors).
          generation.current++;
          controls.current = null;
          setStatus('failed');
          return;
        }
        if (!result) return;
        const text = result.getText();
        const now = Date.now();
        if (mode === 'continuous' && last.current?.text === text && now - last.current.at < repeatAfterMs) {
          last.current.at = now;
          return;
        }
        last.current = { text, at: now };
        if (mode === 'single') {
          generation.current++;
          loop.stop();
          controls.current = null;
          setStatus('idle');
        }
        if (feedback) readFeedback();
        onRead.current(readScan(text, 'camera', formatOf(result)));
      });
      if (!current()) {
        started.stop();
        return;
      }
      controls.current = started;
      setStatus('scanning');
    } catch (error) {
      stopTracks(stream);
      if (current()) setStatus(statusOfError(error));
    }
  }, [feedback, formatsKey, mode, repeatAfterMs]);

  // Fetch the decoder while the user reads the page, so the camera starts at once.
  useEffect(() => {
    const idle = window.setTimeout(() => void loadDecoder().catch(() => undefined), 500);
    return () => window.clearTimeout(idle);
  }, []);

  // Leaving the screen turns the camera off.
  useEffect(() => stop, [stop]);

  return { videoRef, status, active: status === 'starting' || status === 'scanning', start, stop };
}
