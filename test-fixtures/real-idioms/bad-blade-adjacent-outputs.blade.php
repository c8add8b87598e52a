{{-- Several outputs in one string: each is read. --}}
<script>
  FS.identify('{{ $user->id }}', { // expect: name fullstory, name fullstory, phone fullstory
    displayName: '{{ $user->first_name }}{{ $user->last_name }}',
    phone: '+{{ $user->phone_country_code }}{{ $user->phone }}',
  });
</script>
