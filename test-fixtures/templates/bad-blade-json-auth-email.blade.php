{{-- resources/views/partials/tracking.blade.php --}}
@auth
<script>
    const userEmail = @json(Auth::user()->email);
    posthog.identify('{{ Auth::id() }}', { email: userEmail }); // expect: email posthog
    lintrk('setUserData', { email: '{{ $user->email }}' }); // expect: email linkedin-insight
    ttq.identify({ phone_number: {!! json_encode($user->phone) !!} }); // expect: phone tiktok-pixel
</script>
@endauth
@guest
<script>
    posthog.capture('guest_visit', { locale: @json(app()->getLocale()) });
</script>
@endguest
