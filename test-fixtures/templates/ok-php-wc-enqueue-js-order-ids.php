<?php
/**
 * Plugin Name: Shop purchase events
 * Queues purchase events with the order id, total and currency only; strings that are not
 * handed to the browser or call no tracker are left alone.
 */
add_action( 'woocommerce_thankyou', function ( $order_id ) {
	$order = wc_get_order( $order_id );
	wc_enqueue_js( "fbq('track', 'Purchase', { value: " . (float) $order->get_total() . ", currency: '" . esc_js( $order->get_currency() ) . "' });" );
	$js  = "ttq.track('CompletePayment', {";
	$js .= "content_id: '" . $order->get_order_number() . "',";
	$js .= "value: " . $order->get_total() . " });";
	wc_enqueue_js( $js );
	$data = array(
		'transaction_id' => $order->get_order_number(),
		'currency'       => $order->get_currency(),
	);
	wp_add_inline_script( 'theme', sprintf( "gtag('event', 'purchase', %s);", wp_json_encode( $data ) ) );
	printf( '<script>pintrk("track", "checkout", { order_id: "%s" });</script>', esc_js( $order_id ) );
	wc_enqueue_js( "jQuery('.woocommerce-order').addClass('tracked');" );
	$email = $order->get_billing_email();
	error_log( "fbq('init', '1', { em: '" . $email . "' });" );
	echo esc_html__( 'Your browser blocks fbq("track") calls; the order is recorded anyway.', 'shop' );
	echo '<p>' . sprintf( __( 'We sent the receipt to %s. fbq is not told.', 'shop' ), esc_html( $email ) ) . '</p>';
} );
