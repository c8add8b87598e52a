// React hooks, store selectors and Vue reactivity helpers keep what they are given: the data
// keeps its shape (`traits.email`, `mail.value`), not only its taint.
import { useMemo, useCallback, useState } from 'react';
import { useSelector } from 'react-redux';
import { ref, reactive, computed } from 'vue';
import posthog from 'posthog-js';

export function Profile() {
  const email = useSelector((state) => state.session.user.email);
  const traits = useMemo(() => ({ email, plan: 'pro' }), [email]);
  const onSave = useCallback(() => posthog.identify('id', traits), [traits]); // expect: email posthog
  const [shown] = useState(email);
  posthog.capture('Profile viewed', { shown }); // expect: email posthog
  return <button onClick={onSave}>Save</button>;
}

const form = reactive({ email: document.querySelector('#email').value });
const mail = computed(() => form.email);
const phone = ref(document.querySelector('input[type=tel]').value);
posthog.capture('Form', { mail: mail.value, phone: phone.value }); // expect: email posthog, phone posthog
