<?php
/**
 * Plugin Name: Shop conversion tags
 * Prints the Google Ads and Meta conversion scripts on the order-received page.
 */
add_action('woocommerce_thankyou', 'shop_gtag_conversion', 10, 1);

function shop_gtag_conversion($order_id) {
    $order = wc_get_order($order_id);
    $data = $order->get_data();
    $email = $data['billing']['email'];
    $phone = $data['billing']['phone'];
    echo '<script>
      var email = "' . esc_js($email) . '";
      var phone = "' . esc_js($phone) . '";
      gtag("set", "user_data", { email: email, phone_number: phone }); // expect: email google-tag, phone google-tag
      gtag("event", "purchase", { transaction_id: "' . $order_id . '", value: ' . (float) $order->get_total() . ', currency: \'EUR\' });
    </script>';
}

add_action('wp_footer', function () {
    $user = wp_get_current_user();
    if (!$user->exists()) {
        return;
    }
    echo <<<HTML
<script>
  fbq('init', '123456789', { em: "{$user->user_email}" }); // expect: email meta-pixel
</script>
HTML;
});
