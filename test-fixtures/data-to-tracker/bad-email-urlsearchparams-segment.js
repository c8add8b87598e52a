// Magic-link landing page: /welcome?uid=123&email=jane%40example.com
const params = new URLSearchParams(location.search);
const uid = params.get('uid');

if (uid) {
  analytics.identify(uid, { // expect: email segment
    email: params.get('email'),
    source: 'magic_link',
  });
}
