import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address belongs to, for limits that must hold however many addresses
 * one party uses: its /24 for IPv4 (an IPv4-mapped IPv6 address counts as IPv4), its /64 for IPv6.
 */
export function networkOf(address: string): string {
  // The common case first, without a regular expression: a dotted IPv4 address.
  const lastDot = address.lastIndexOf('.');
  if (lastDot > 0 && address.indexOf(':') === -1 && isIPv4(address)) return `${address.slice(0, lastDot)}.0/24`;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1]! : address;
  if (isIPv4(ip)) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(ip)) return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
  return address;
}

/** The eight groups of an IPv6 address, `::` expanded, without a zone. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail counts as two groups.
  const groups = [...left, ...Array.from({ length: 8 - left.length - right.length - (right.at(-1)?.includes('.') ? 1 : 0) }, () => '0'), ...right];
  return groups.map((group) => (group.includes('.') ? group : group.toLowerCase().replace(/^0+(?=.)/, '')));
}
