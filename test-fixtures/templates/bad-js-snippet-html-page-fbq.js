<!-- Meta Pixel Code: paste before </head> (saved as .js by the theme's snippet manager) -->
<script>
  fbq('init', '123456789');
  document.querySelector('#checkout-form').addEventListener('submit', function () {
    var email = document.querySelector('input[type=email]').value;
    fbq('track', 'Lead', { em: email }); // expect: email meta-pixel
  });
</script>
<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=123456789&ev=PageView&noscript=1"></noscript>
