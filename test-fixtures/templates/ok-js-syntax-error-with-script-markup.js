// A script with a genuine syntax error: the markup in its comment below is not a page, so it is
// still reported as not analysed (parse-error), not read as HTML.
/*
<script>
*/
function injectPixel( {
  var email = document.getElementById('email').value;
  fbq('init', '123456789', { em: email );
}
