<?php
// account/thank-you.php (plain PHP): escaping helpers wrap the values printed into the tag.
$customer = $_SESSION['customer'];
?>
<h1>Thanks for signing up!</h1>
<script>
  gtag('set', 'user_data', { // expect: email google-tag, address google-tag
    email: '<?= htmlspecialchars($customer['email'], ENT_QUOTES, 'UTF-8') ?>',
    address: { street: <?= json_encode($customer['address']['street']) ?>, country: 'US' }
  });
  gtag('event', 'sign_up', { method: '<?= htmlspecialchars($signupMethod, ENT_QUOTES) ?>' });
</script>
