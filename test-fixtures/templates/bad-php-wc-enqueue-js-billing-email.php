<?php
/**
 * Plugin Name: Shop pixel events
 * Queues the Meta and TikTok pixel calls for the order-received page with WooCommerce's
 * footer script queue.
 */
add_action( 'woocommerce_thankyou', 'shop_pixel_events' );

function shop_pixel_events( $order_id ) {
	$order = wc_get_order( $order_id );
	if ( ! $order ) {
		return;
	}
	wc_enqueue_js( "fbq('init', '1234567890', { em: '" . esc_js( $order->get_billing_email() ) . "' });" ); // expect: email meta-pixel
	wc_enqueue_js( 'fbq(\'track\', \'Purchase\', { value: ' . $order->get_total() . ', currency: \'' . $order->get_currency() . '\' });' );

	$phone = $order->get_billing_phone();
	$js  = "ttq.identify({"; // expect: phone tiktok-pixel
	$js .= "phone_number: '" . esc_js( $phone ) . "',";
	$js .= "});";
	wc_enqueue_js( $js );
}
