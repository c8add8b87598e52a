// Storage holds cart and UI preferences only.
const cartId = localStorage.getItem('cart_id');
const theme = localStorage.getItem('theme');
const step = sessionStorage.getItem('checkout_step');

posthog.register({ cart_id: cartId, theme: theme });
posthog.capture('checkout_resumed', { step: step });
