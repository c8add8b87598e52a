<?php
/* Template part: footer tracking (WooCommerce theme) */
$current_user = wp_get_current_user();
?>
<?php if ( is_user_logged_in() ) : ?>
<script>
  klaviyo.identify({ // expect: email klaviyo, name klaviyo
    email: '<?php echo esc_js( $current_user->user_email ); ?>',
    first_name: '<?php echo esc_js( $current_user->first_name ); ?>',
    wp_role: '<?php echo esc_js( implode( ',', $current_user->roles ) ); ?>'
  });
</script>
<?php endif; ?>
<form class="footer-signup">
  <input type="email" name="footer_email" onchange="klaviyo.identify({ email: this.value })"> <?php /* expect: email klaviyo */ ?>
</form>
