// Store finder: "use my location" sends the visitor's coordinates to Amplitude.
document.getElementById('use-my-location').addEventListener('click', () => {
  navigator.geolocation.getCurrentPosition((position) => {
    amplitude.track('Nearby Stores Requested', { // expect: location amplitude, location amplitude
      lat: position.coords.latitude,
      lng: position.coords.longitude,
    });
  });
});
