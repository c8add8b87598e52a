{* themes/classic/templates/catalog/product.tpl: product ids and prices only; the email is shown, not sent *}
{block name='product_tracking'}
<script type="text/javascript">
  fbq('track', 'ViewContent', { content_ids: ['{$product.id_product|intval}'], content_type: 'product', value: {$product.price_amount|floatval}, currency: '{$currency.iso_code}' });
  gtag('event', 'view_item', { items: [ { item_id: '{$product.id_product}', price: {$product.price_amount} } ] });
  gtag('config', 'G-XXXXXXX', { ps_version: '{$smarty.const._PS_VERSION_}' });
  {* fbq('init', '1', { em: '{$customer.email}' }); *}
</script>
{/block}
{addJsDef customer_email=$customer.email}
<p class="account-email">{$customer.email}</p>
{literal}<script type="text/template">fbq('init', '1', { em: '{$customer.email}' });</script>{/literal}
