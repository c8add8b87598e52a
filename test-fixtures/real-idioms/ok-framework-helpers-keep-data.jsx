// The same helpers around values that are not personal data, and the project's own function
// of such a name, followed as written.
import { useMemo } from 'react';
import { useSelector } from 'react-redux';
import { ref } from 'vue';
import posthog from 'posthog-js';

export function Cart() {
  const total = useSelector((state) => state.cart.total);
  const props = useMemo(() => ({ total, currency: 'EUR' }), [total]);
  posthog.capture('Cart viewed', props);
  return null;
}

const count = ref(0);
posthog.capture('Counted', { count: count.value });

// Not Vue's: this `computed` keeps only the length.
function computed(fn) {
  return String(fn()).length;
}
const size = computed(() => document.querySelector('#email').value);
posthog.capture('Sized', { size });
