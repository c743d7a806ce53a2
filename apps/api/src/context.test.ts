import { describe, expect, it } from 'vitest';
import { clientFingerprint, createContext, type ContextDeps } from './context.js';

describe('a client fingerprint', () => {
  it('is the same for the same address and user agent, and differs when either does', () => {
    const phone = { ip: '10.1.2.3', userAgent: 'Mozilla/5.0 (Linux; Android 14)' };
    const first = clientFingerprint(phone);
    expect(first).toHaveLength(16);
    expect(clientFingerprint({ ...phone })).toEqual(first);
    expect(clientFingerprint({ ...phone, ip: '10.1.2.4' })).not.toEqual(first);
    expect(clientFingerprint({ ...phone, userAgent: 'Mozilla/5.0 (iPhone)' })).not.toEqual(first);
  });
});

describe('a request’s context', () => {
  /** Just enough of the dependencies for a caller without a token. */
  function deps() {
    const forks: object[] = [];
    const em = { fork: () => forks[forks.push({ find: async () => [] }) - 1] };
    const replicas = { pick: () => 'primary' };
    return { forks, deps: { em, pool: 'primary', replicas, services: {}, trustProxy: () => false } as unknown as ContextDeps };
  }

  it('forks the entity manager only when a resolver asks for it, once, and Apollo’s copy shares it', async () => {
    const { forks, deps: d } = deps();
    const context = await createContext(d, { ip: '10.1.2.3', userAgent: 'phone' });
    expect(forks).toHaveLength(0);
    // As Apollo copies the context for each operation.
    const copy = Object.assign(Object.create(Object.getPrototypeOf(context)), context) as typeof context;
    expect(forks).toHaveLength(0);
    expect(copy.em).toBe(context.em);
    expect(copy.loaders).toBe(context.loaders);
    expect(forks).toHaveLength(1);
    expect(context.principal).toBeNull();
  });
});
