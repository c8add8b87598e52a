<?php $cart = WC()->cart; $user = wp_get_current_user(); ?>
<div class="account-bar">Logged in as <?php echo esc_html( $user->user_email ); ?></div>
<script>
  fbq('track', 'AddToCart', {
    value: <?php echo (float) $cart->get_total( 'edit' ); ?>,
    currency: '<?php echo get_woocommerce_currency(); ?>',
    num_items: <?= $cart->get_cart_contents_count() ?>
  });
  <?php if ( is_user_logged_in() ) { ?>
  fbq('trackCustom', 'LoggedInVisit', { user_id: <?= (int) $user->ID ?> });
  <?php } ?>
</script>
