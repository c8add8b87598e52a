// Fraud dashboard: the server echoes the connecting IP; it is not a postal address.
const { ipAddress, asn } = window.__SERVER__;

amplitude.track('Session Started', {
  ip_address_family: ipAddress.includes(':') ? 'ipv6' : 'ipv4',
  network: asn,
});
