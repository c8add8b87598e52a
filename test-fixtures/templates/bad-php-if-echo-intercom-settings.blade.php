{{-- resources/views/partials/intercom.blade.php: the messenger is booted with the member's profile --}}
@auth
<script>
  window.intercomSettings = { // expect: name intercom, email intercom
    api_base: "https://api-iam.intercom.io",
    app_id: "abc123",
    name: <?php if (isset(auth()->user()->name)) { echo json_encode((string) auth()->user()->name); } else { echo "''"; } ?>,
    email: <?php
      if (isset(auth()->user()->email)) {
        echo json_encode((string) auth()->user()->email);
      } else {
        echo "''";
      }
    ?>,
    created_at: <?php if (auth()->check()) { echo strtotime(auth()->user()->created_at); } else { echo 'null'; } ?>,
    plan: <?php if ($team) { echo json_encode($team->plan); } else { echo 'null'; } ?>
  };
</script>
@endauth
