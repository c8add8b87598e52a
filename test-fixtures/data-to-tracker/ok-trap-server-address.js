// Edge diagnostics: which server answered, tagged on Sentry events.
const server = window.__CONFIG__.server;

Sentry.setTag('edge_server', server.address);
Sentry.setContext('edge', {
  address: server.address,
  region: server.region,
});
