// Intercom's identity verification: the HMAC (`user_hash`) and the Messenger JWT the site signs
// for Intercom are what the vendor asks for, not the visitor's credentials.
declare const Intercom: (command: string, settings?: object) => void;

export async function bootIntercom(appId: string, userId: string) {
  const jwtData = await fetch('/api/intercom/jwt').then((r) => r.json());
  const session = await fetch('/api/session').then((r) => r.json());
  Intercom('boot', {
    app_id: appId,
    user_id: userId,
    user_hash: session.userHash,
    intercom_user_jwt: jwtData.jwt,
  });
}
