// TypeScript casts and non-null assertions do not change the data.
import { getCurrentUser } from './session';

declare global {
  interface Window { rdt: (...args: unknown[]) => void }
}

export function initRedditPixel(): void {
  const user = getCurrentUser();
  const phoneInput = document.getElementById('phone') as HTMLInputElement;
  window.rdt('init', 't2_4kx9m2', { // expect: email reddit-pixel, phone reddit-pixel
    email: user!.email as string,
    phoneNumber: phoneInput!.value,
  });
}
