import { useSyncExternalStore } from 'react';
import type { SessionEndedCode } from '../shared/errors';

/** Why the user is on the login page again: shown there as a message. */
export type SignOutReason = 'LOGGED_OUT' | SessionEndedCode;

interface SessionState {
  token: string | null;
  reason: SignOutReason | null;
}

const TOKEN_KEY = 'jejak.token';

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null) {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Without storage the login lasts until the page is reloaded.
  }
}

/**
 * The login token, kept in localStorage so a reload stays logged in, and the reason for the
 * last sign-out. Other tabs follow: logging out in one logs out all.
 */
export class Session {
  private state: SessionState = { token: readToken(), reason: null };
  private readonly listeners = new Set<() => void>();
  private readonly signOutHandlers = new Set<() => void>();

  constructor() {
    window.addEventListener('storage', (event) => {
      if (event.key !== TOKEN_KEY) return;
      if (event.newValue) this.set({ token: event.newValue, reason: null });
      else this.signOut('LOGGED_OUT');
    });
  }

  get token() {
    return this.state.token;
  }

  get snapshot(): SessionState {
    return this.state;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs on every sign-out, e.g. to empty the Apollo cache. */
  onSignOut(handler: () => void) {
    this.signOutHandlers.add(handler);
    return () => this.signOutHandlers.delete(handler);
  }

  signIn(token: string) {
    writeToken(token);
    this.set({ token, reason: null });
  }

  signOut(reason: SignOutReason) {
    const hadToken = this.state.token !== null;
    writeToken(null);
    // The first reason wins: several requests failing at once should not overwrite it.
    this.set({ token: null, reason: hadToken ? reason : (this.state.reason ?? reason) });
    if (hadToken) this.signOutHandlers.forEach((handler) => handler());
  }

  /** The login page shows the reason once. */
  clearReason() {
    if (this.state.reason) this.set({ ...this.state, reason: null });
  }

  private set(state: SessionState) {
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
}

export function useSessionState(session: Session): SessionState {
  return useSyncExternalStore(session.subscribe, () => session.snapshot);
}
