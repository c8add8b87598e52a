// The project's own `analytics` module: a wrapper, not the `analytics` npm package, although an
// import of `./analytics` ends with that package's name.
export function event(name, payload = {}) {
  if (window.analytics) {
    payload = Object.assign({}, payload, { url: window.location.pathname });
    window.analytics.track(name, payload); // expect: email segment
  }
}
