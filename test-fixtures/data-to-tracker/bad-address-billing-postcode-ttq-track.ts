// Payment step: TikTok "AddPaymentInfo" gets the billing postcode for "regional reporting".
const postcodeInput = document.querySelector<HTMLInputElement>('input[name="billing_postcode"]');
const payButton = document.getElementById('pay');

payButton?.addEventListener('click', (): void => {
  const zip: string | undefined = postcodeInput?.value;
  ttq.track('AddPaymentInfo', { content_type: 'product', zip }); // expect: address tiktok-pixel
});
