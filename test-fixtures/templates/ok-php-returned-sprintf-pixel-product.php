<?php
/**
 * Plugin Name: Storefront product pixel
 * Returns the pixel's init and product view code with the pixel id and product data only;
 * strings that mention the pixel in prose or hold half a statement are not scripts.
 */
class Storefront_Product_Pixel {

	public function init_code() {
		return apply_filters(
			'storefront_pixel_init_code',
			sprintf( "fbq('init', '%s');\n", esc_js( get_option( 'storefront_pixel_id' ) ) )
		);
	}

	public function view_code( $product ) {
		$params = array(
			'content_ids'  => array( $product->get_sku() ),
			'content_name' => $product->get_name(),
			'value'        => $product->get_price(),
			'currency'     => get_woocommerce_currency(),
		);
		return sprintf( "fbq('track', 'ViewContent', %s);", wp_json_encode( $params ) );
	}

	public function agent_code( $version ) {
		return sprintf( "fbq('set', 'agent', 'storefront', '%s');", esc_js( $version ) );
	}

	public function notice() {
		$text = 'The pixel (fbq) is loaded after consent; see the plugin settings to change it.';
		return $text;
	}

	public function opening( $email ) {
		$head = "fbq('init', '1234567890', { em: '" . esc_js( $email );
		return $head;
	}
}
