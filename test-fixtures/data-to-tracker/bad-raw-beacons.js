// Pixels fired by hand: image beacons, sendBeacon, fetch and XHR to collection endpoints.
const email = document.querySelector('input[type=email]').value;
const phone = document.getElementById('phone').value;

new Image().src = 'https://www.facebook.com/tr?id=123&ev=Lead&ud[em]=' + encodeURIComponent(email); // expect: email meta-pixel
const img = document.createElement('img');
img.src = `https://ct.pinterest.com/v3/?tid=2612&event=init&pd[em]=${email}`; // expect: email pinterest-tag
navigator.sendBeacon('https://www.google-analytics.com/g/collect?v=2&tid=G-1', JSON.stringify({ phone })); // expect: phone google-tag
fetch('https://bat.bing.com/action/0?ti=5&evt=custom', { method: 'POST', body: JSON.stringify({ em: email }) }); // expect: email microsoft-uet
const xhr = new XMLHttpRequest();
xhr.open('GET', 'https://px.ads.linkedin.com/collect?pid=1&email=' + email); // expect: email linkedin-insight
xhr.send();
