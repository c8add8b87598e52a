// The hashed email arrives through a promise callback.
import { sha256 } from './crypto.js';

const emailField = document.querySelector('#email');

document.querySelector('#register').addEventListener('click', () => {
  sha256(emailField.value.trim().toLowerCase()).then((hashed) => {
    rdt('init', 't2_7bq1x', { email: hashed }); // expect: email reddit-pixel
  });
});
