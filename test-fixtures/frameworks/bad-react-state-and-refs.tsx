// React: a controlled email input's state and a phone input's ref reach the pixels on submit.
import { useState, useRef } from 'react';

export function Signup() {
  const [email, setEmail] = useState('');
  const phoneRef = useRef<HTMLInputElement>(null);
  const submit = () => {
    fbq('init', '123', { em: email }); // expect: email meta-pixel
    ttq.identify({ phone_number: phoneRef.current!.value }); // expect: phone tiktok-pixel
  };
  return (
    <form onSubmit={submit}>
      <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <input type="tel" ref={phoneRef} />
    </form>
  );
}
