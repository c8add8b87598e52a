{* themes/classic/templates/_partials/pixel.tpl: Meta Pixel advanced matching for a signed-in customer *}
{if $customer.is_logged}
<script type="text/javascript">
  var pixelOptions = { autoConfig: true };
  fbq('init', '{$pixel_id|escape:'htmlall':'UTF-8'}', { em: '{$customer.email|escape:'javascript':'UTF-8'}' }, pixelOptions); // expect: email meta-pixel
  fbq('track', 'PageView');
</script>
{/if}
