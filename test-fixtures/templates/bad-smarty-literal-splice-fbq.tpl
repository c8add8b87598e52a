{* modules/ps_metapixel/views/templates/hook/header.tpl: Smarty 2 style, the script in {literal} with splices *}
<script>
{literal}
  if (typeof fbq === 'function') {
    fbq('init', '{/literal}{$pixel_id}{literal}', {em: '{/literal}{$customer.email}{literal}'}); // expect: email meta-pixel
    fbq('track', 'PageView', {value: 0});
  }
{/literal}
</script>
