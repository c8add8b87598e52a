// Reached as `@app/tracking` through tsconfig paths (and its index file).
export function identify(traits: { email?: string; plan?: string }) {
  posthog.identify(traits.email, traits); // expect: email posthog, email posthog
}
