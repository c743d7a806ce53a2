/**
 * A short beep (WebAudio, no sound file) and a buzz on each read, so a user looking at the pack
 * knows the code was taken.
 */

let audio: AudioContext | null = null;

/**
 * Creates (or wakes) the audio context. Browsers allow sound only after a user gesture, so call
 * this from the click that starts the camera.
 */
export function primeFeedback() {
  try {
    const Context = window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    audio ??= new Context();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  } catch {
    audio = null;
  }
}

/** Beep and vibrate once. Never throws: feedback is a nicety. */
export function readFeedback() {
  try {
    navigator.vibrate?.(80);
  } catch {
    // Not allowed here (no user activation yet, or an iframe).
  }
  if (!audio || audio.state !== 'running') return;
  try {
    const now = audio.currentTime;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 1760;
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.25, now + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.12);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(now);
    oscillator.stop(now + 0.13);
  } catch {
    // No audio output: the vibration and the screen say it instead.
  }
}
