// Post-registration hook in a TypeScript app without typings for the pixel.
interface Account {
  id: string;
  email: string;
}

export function onAccountCreated(account: Account): void {
  (window as any).fbq('init', '731994520118327', { em: account.email, external_id: account.id }); // expect: email meta-pixel
  (window as any).fbq('track', 'CompleteRegistration');
}
