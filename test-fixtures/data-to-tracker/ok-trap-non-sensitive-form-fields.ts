// Cart form: quantity, size and coupon are form fields without personal data.
const cartForm = document.getElementById('cart-form') as HTMLFormElement;

cartForm.addEventListener('submit', (): void => {
  const data = new FormData(cartForm);
  const quantity = Number(data.get('quantity'));
  const coupon = (cartForm.elements.namedItem('coupon') as HTMLInputElement).value;
  gtag('event', 'begin_checkout', { coupon, quantity, size: data.get('size') });
});
