import proxyAddr from 'proxy-addr';

/** Whether the peer at `address`, `hop` steps from the server, is a proxy whose X-Forwarded-For is believed. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** The TRUSTED_PROXIES setting (addresses and CIDR ranges) as the test for a trusted hop. */
export const compileTrustedProxies = (list: readonly string[]): TrustProxy => proxyAddr.compile([...list]);
