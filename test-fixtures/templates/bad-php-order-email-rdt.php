<?php /** @var \Magento\Checkout\Block\Onepage\Success $block */ ?>
<?php $order = $block->getOrder(); $user = $block->getCustomerData(); ?>
<div class="checkout-success">
  <p>Your order number is <?= $block->escapeHtml($order->getIncrementId()) ?>.</p>
</div>
<script>
  rdt('init', 't2_4kx9m2', { // expect: email reddit-pixel, phone reddit-pixel
    email: '<?= $order->getCustomerEmail() ?>',
    phoneNumber: '<?php echo $user['phone']; ?>',
    externalId: '<?= (int) $order->getCustomerId() ?>'
  });
  rdt('track', 'Purchase', { value: <?= $order->getGrandTotal() ?>, currency: '<?= $order->getOrderCurrencyCode() ?>' });
</script>
