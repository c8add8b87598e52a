// Variables and reassignment: the value is cleaned up in place before it is sent.
const PIXEL_ID = '731994520118327';

document.getElementById('register').addEventListener('click', () => {
  let contact = document.getElementById('email').value;
  contact = contact.trim();
  contact = contact.toLowerCase();
  const matchKey = contact;
  fbq('init', PIXEL_ID, { em: matchKey }); // expect: email meta-pixel
});
