// LogRocket session identity after login.
import LogRocket from 'logrocket';

LogRocket.init('nwg/storefront');

export function onLogin(member) {
  LogRocket.identify(member.id, { // expect: name logrocket, email logrocket
    name: member.name,
    email: member.email,
  });
}
