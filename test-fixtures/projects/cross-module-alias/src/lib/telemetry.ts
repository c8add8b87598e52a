// An alias-imported wrapper (`@/lib/telemetry`) with a class and an async chain.
export class Telemetry {
  async user(email: string) {
    const hashed = await sha256(email.trim().toLowerCase());
    Sentry.setUser({ email: hashed }); // expect: email sentry
  }
}

async function sha256(value: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return Array.from(new Uint8Array(buf)).map((b) => b.toString(16)).join('');
}

export const telemetry = new Telemetry();
