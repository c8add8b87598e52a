<!-- Google tag (gtag.js): paste into the theme header -->
<script async src="https://www.googletagmanager.com/gtag/js?id=AW-000000000"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'AW-000000000');
</script>

add_action('woocommerce_thankyou', 'shop_conversion_tag', 10, 1);
function shop_conversion_tag($order_id) {
  $order = wc_get_order($order_id);
  $billing_email = $order->get_billing_email();
  echo '<script>
    gtag("set", "user_data", { email: "' . $billing_email . '" }); // expect: email google-ads
    gtag("event", "conversion", { send_to: "AW-000000000/abc", transaction_id: "' . $order_id . '" });
  </script>';
}
