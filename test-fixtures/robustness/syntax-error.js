// Deliberately broken JavaScript: unbalanced brackets, a keyword used as a name, an unterminated string.
function broken( {
  const email = document.getElementById('email').value;
  fbq('init', '731994520118327', { em: email );
  let = ;
  var class = 'oops;
}
