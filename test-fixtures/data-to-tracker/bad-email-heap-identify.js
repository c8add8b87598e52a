// Heap: identity is the email, extra properties are harmless.
const profile = window.bootstrap.profile;

heap.identify(profile.email); // expect: email heap
heap.addUserProperties({
  plan: profile.plan,
  seats: profile.seatCount,
});
