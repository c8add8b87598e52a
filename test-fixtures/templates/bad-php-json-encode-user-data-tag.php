<?php
$current_user = wp_get_current_user();
$user_data    = array(
	'em' => $current_user->user_email,
	'ph' => get_user_meta( $current_user->ID, 'billing_phone', true ),
);
?>
<script>
  fbq('init', '1234567890', <?php echo wp_json_encode( $user_data ); ?>); // expect: email meta-pixel, phone meta-pixel
  var em = '<?php echo esc_js( $current_user->user_email ); // phpcs:ignore ?>';
  var ph = '<?= $current_user->billing_phone /* sanitized on save */ ?>';
  ttq.identify({ email: em, phone_number: ph }); // expect: email tiktok-pixel, phone tiktok-pixel
  var mail = '<?php echo $current_user->user_email; # raw ?>';
  rdt('init', 't2_abc', { email: mail }); // expect: email reddit-pixel
</script>
