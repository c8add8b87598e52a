// Hashing is not anonymisation: the SHA-256 of an email is still an identifier.
import { sha256 } from 'js-sha256';
import CryptoJS from 'crypto-js';

document.getElementById('signup-form').addEventListener('submit', () => {
  const email = document.getElementById('email').value.trim().toLowerCase();
  pintrk('load', '2613987654321', { em: sha256(email) }); // expect: email pinterest-tag
  ttq.identify({ email: CryptoJS.SHA256(email).toString() }); // expect: email tiktok-pixel
});
