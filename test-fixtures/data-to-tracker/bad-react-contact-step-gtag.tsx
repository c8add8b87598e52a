// Checkout contact step (React): enhanced conversions on "Next".
declare global {
  interface Window { gtag: (...args: unknown[]) => void }
}

export function ContactStep({ onNext }: { onNext: () => void }): JSX.Element {
  const handleNext = (): void => {
    const email = (document.getElementById('email') as HTMLInputElement).value;
    window.gtag('set', 'user_data', { email }); // expect: email google-tag
    onNext();
  };
  return (
    <form id="contact-step">
      <input id="email" type="email" autoComplete="email" />
      <button type="button" onClick={handleNext}>Next</button>
    </form>
  );
}
