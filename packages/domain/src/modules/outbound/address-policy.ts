/**
 * Which network addresses the application may send requests to: the pure part of the outbound
 * guard (no I/O), so the rules can be read and tested on their own. `outbound.ts` applies them
 * to every name it resolves and every address it connects to.
 *
 * The rule: public unicast addresses only. Loopback, private (RFC 1918), link-local (the cloud
 * metadata service at 169.254.169.254), carrier-grade NAT, unique-local, multicast, broadcast,
 * unspecified, documentation and other reserved blocks are refused, and so are the IPv6 forms
 * that carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4,
 * Teredo, IPv4-compatible `::a.b.c.d`), whatever IPv4 address they carry. The ranges come from
 * ipaddr.js (its `range()` names IANA's special-purpose blocks); only what it calls `unicast`
 * passes, and for IPv6 only inside the global unicast block 2000::/3.
 *
 * An operator (or a test) may allow more, explicitly: `allowHosts` entries name addresses or
 * CIDR blocks, with or without a port, and `allowPorts` adds ports besides 80 and 443.
 */
import ipaddr from 'ipaddr.js';

/** Ports every http(s) request may use without configuration. */
export const STANDARD_PORTS: ReadonlySet<number> = new Set([80, 443]);

/** What may be requested beyond public addresses on the standard ports. */
export interface OutboundPolicy {
  /**
   * Addresses allowed even though they are not public: `127.0.0.1`, `127.0.0.1:8080`,
   * `10.0.0.0/8`, `[::1]:8080`, `::1`. With a port, that port only (which is then allowed
   * however unusual); without, the ports otherwise allowed.
   */
  allowHosts: readonly string[];
  /** Ports allowed besides 80 and 443, for any public address. */
  allowPorts: readonly number[];
}

/** The strict policy: public addresses on ports 80 and 443 only. */
export const STRICT_POLICY: OutboundPolicy = { allowHosts: [], allowPorts: [] };

/** One parsed `allowHosts` entry. */
export interface AllowEntry {
  range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  /** The port the entry is limited to; null for the ports otherwise allowed. */
  port: number | null;
  /** The entry as written, for messages. */
  text: string;
}

function parsePort(text: string, entry: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new RangeError(`Not a port in the outbound allowance "${entry}": ${text}`);
  }
  return port;
}

/** Parses one `allowHosts` entry; throws a RangeError that quotes it when it is malformed. */
export function parseAllowEntry(entry: string): AllowEntry {
  const text = entry.trim();
  let address = text;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    address = bracketed[1]!;
    if (bracketed[2] !== undefined) port = parsePort(bracketed[2], text);
  } else if (text.split(':').length === 2) {
    // One colon: IPv4 (or an IPv4 block) with a port. More colons: a bare IPv6 address.
    const [host, portText] = text.split(':') as [string, string];
    address = host;
    port = parsePort(portText, text);
  }
  try {
    const range: [ipaddr.IPv4 | ipaddr.IPv6, number] = address.includes('/')
      ? ipaddr.parseCIDR(address)
      : (() => {
          const ip = ipaddr.parse(address);
          return [ip, ip.kind() === 'ipv4' ? 32 : 128];
        })();
    return { range, port, text };
  } catch {
    throw new RangeError(
      `Not an IP address or CIDR block in the outbound allowance "${text}" ` +
        '(give addresses, not host names: 127.0.0.1, 127.0.0.1:8080, 10.0.0.0/8, [::1]:8080)',
    );
  }
}

/** Parses and checks a policy (ports whole numbers 1–65535, entries addresses or blocks). */
export function compilePolicy(policy: Partial<OutboundPolicy> = {}): {
  allow: AllowEntry[];
  ports: ReadonlySet<number>;
} {
  const ports = new Set(STANDARD_PORTS);
  for (const port of policy.allowPorts ?? []) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new RangeError(`Not a port in the outbound ports allowed: ${port}`);
    }
    ports.add(port);
  }
  return { allow: (policy.allowHosts ?? []).map(parseAllowEntry), ports };
}

/**
 * The policy set by the environment: `OUTBOUND_ALLOW_HOSTS` (entries separated by commas or
 * spaces, as in `allowHosts`) and `OUTBOUND_ALLOW_PORTS` (port numbers, likewise). Unset means
 * the strict policy. Malformed values throw, so a typo stops the process at start-up.
 */
export function outboundPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): OutboundPolicy {
  const list = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);
  const policy: OutboundPolicy = {
    allowHosts: list(env.OUTBOUND_ALLOW_HOSTS),
    allowPorts: list(env.OUTBOUND_ALLOW_PORTS).map((text) =>
      parsePort(text, `OUTBOUND_ALLOW_PORTS=${env.OUTBOUND_ALLOW_PORTS}`),
    ),
  };
  compilePolicy(policy);
  return policy;
}

/**
 * The kind of an address that is not public (ipaddr.js's range name, e.g. `loopback`,
 * `private`, `linkLocal`, `ipv4Mapped`), or null for a public unicast address. IPv4-mapped
 * IPv6 addresses are judged as the IPv6 range they are in (refused), not unwrapped.
 */
export function nonPublicRange(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return 'invalid';
  }
  const range = ip.range();
  if (range !== 'unicast') return range;
  // ipaddr.js calls every IPv6 address outside its special blocks unicast, the unassigned
  // ::/8 (IPv4-compatible ::a.b.c.d included) too; only 2000::/3 is global unicast.
  if (ip.kind() === 'ipv6' && !ip.match(ipaddr.parseCIDR('2000::/3'))) return 'reserved';
  return null;
}

/**
 * Why `address` on `port` may not be requested, in words; null when it may. An address an
 * `allowHosts` entry covers passes (on the entry's port, or the allowed ports when it names
 * none); any other must be public, on an allowed port.
 */
export function refusalOf(
  address: string,
  port: number,
  compiled: { allow: readonly AllowEntry[]; ports: ReadonlySet<number> },
): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // IPv4-mapped IPv6 stays IPv6 here: an entry for 127.0.0.1 does not cover ::ffff:7f00:1.
    ip = ipaddr.parse(address);
  } catch {
    return `${address} is not an IP address`;
  }
  for (const entry of compiled.allow) {
    const [base] = entry.range;
    if (base.kind() !== ip.kind() || !ip.match(entry.range)) continue;
    if (entry.port === null ? compiled.ports.has(port) : entry.port === port) return null;
  }
  const range = nonPublicRange(address);
  if (range) return `${address} is not a public address (${range})`;
  if (!compiled.ports.has(port)) return `port ${port} is not allowed`;
  return null;
}

/** Whether any `allowHosts` entry names this port (so a non-standard port may be allowed). */
export function portMayBeAllowed(
  port: number,
  compiled: { allow: readonly AllowEntry[]; ports: ReadonlySet<number> },
): boolean {
  return compiled.ports.has(port) || compiled.allow.some((entry) => entry.port === port);
}
