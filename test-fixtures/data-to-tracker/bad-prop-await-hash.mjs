// Async hashing with await before Microsoft Ads enhanced conversions.
import { hashEmail } from './hash.mjs';

const form = document.forms['signup'];

form.addEventListener('submit', async () => {
  const hashed = await hashEmail(form.elements.email.value);
  window.uetq.push('set', { pid: { em: hashed } }); // expect: email microsoft-uet
});
