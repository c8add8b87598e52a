<?php
/**
 * Plugin Name: Member pixels
 * Prints the pixels for signed-in members from a heredoc, a printf format and an inline script
 * attached to the theme's bundle.
 */
add_action( 'wp_footer', function () {
	$user = wp_get_current_user();
	if ( ! $user->exists() ) {
		return;
	}
	$email = $user->user_email;
	$pixel = <<<JS
		fbq('init', '1234567890', { // expect: email meta-pixel
			em: "{$user->user_email}"
		});
		JS;
	wp_add_inline_script( 'theme', $pixel );
	printf(
		'<script>gtag("set", "user_data", { email: "%s" });</script>', // expect: email google-tag
		esc_js( $email )
	);
	wp_add_inline_script( 'theme', "ttq.identify({email: '" . $email . "'})" ); // expect: email tiktok-pixel
} );

add_action( 'wp_enqueue_scripts', function () {
	$current_user = wp_get_current_user();
	$user_data    = array(
		'em' => $current_user->user_email,
		'fn' => $current_user->first_name,
	);
	wc_enqueue_js( sprintf( "fbq('init', '%s', %s);", '1234567890', wp_json_encode( $user_data ) ) ); // expect: email meta-pixel, name meta-pixel
} );
