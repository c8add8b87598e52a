{{-- The signed-in user's name printed into an SDK call: `user` says whose name it is. --}}
@auth
<script>
  amplitude.getInstance().init("{{ config('amplitude.key') }}", '{{ md5(Auth::user()->email) }}'); // expect: email amplitude
  amplitude.getInstance().setUserProperties({ Email: '{{ Auth::user()->email }}', Name: '{{ Auth::user()->name }}' }); // expect: email amplitude, name amplitude
  amplitude.getInstance().setUserProperties({ Office: '{{ $office->name }}', Plan: '{{ $plan->name }}' });
</script>
@endauth
