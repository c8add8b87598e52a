// The verification slots are exempt; the same token under another key, or a password, is not.
declare const Intercom: (command: string, settings?: object) => void;

export function bootIntercom(appId: string, form: HTMLFormElement, token: { jwt: string }) {
  const password = (form.elements.namedItem('password') as HTMLInputElement).value;
  Intercom('boot', { app_id: appId, intercom_user_jwt: token.jwt, last_password: password }); // expect: credentials intercom
}
