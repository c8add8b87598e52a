<?php
/**
 * Plugin Name: Storefront pixel
 * Builds the pixel's init code for the signed-in customer and lets themes filter it; the page
 * template prints what the method returns inside its script element.
 */
class Storefront_Pixel {

	private $user_info;

	public function __construct( $user_info = array() ) {
		$this->user_info = $user_info;
	}

	public function init_code() {
		return apply_filters(
			'storefront_pixel_init_code',
			sprintf(
				"fbq('init', '%s', %s, %s);\n", // expect: email meta-pixel
				esc_js( get_option( 'storefront_pixel_id' ) ),
				wp_json_encode( $this->user_info, JSON_FORCE_OBJECT ),
				wp_json_encode( array( 'agent' => 'storefront-1.0' ) )
			)
		);
	}

	public static function identify_code( $user_info ) {
		$code = sprintf( "fbq('init', '%s', %s);", '1234567890', wp_json_encode( $user_info ) ); // expect: email meta-pixel
		return $code;
	}
}
