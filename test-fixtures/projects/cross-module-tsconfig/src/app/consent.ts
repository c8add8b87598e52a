// Reached through baseUrl as `src/app/consent`.
export const hasConsent = () => document.cookie.includes('consent=1');
