// Inline scripts written as template literals in JSX run on the page: `next/script` children
// and `dangerouslySetInnerHTML`.
import Script from 'next/script';

export function Pixels({ email, phone }: { email: string; phone: string }) {
  return (
    <>
      <Script id="meta-pixel" strategy="afterInteractive" data-email={email}>
        {`
          var em = document.currentScript.getAttribute('data-email');
          fbq('init', '${'1234567890'}', { em: em }); // expect: email meta-pixel
        `}
      </Script>
      <script
        data-phone={phone}
        dangerouslySetInnerHTML={{
          __html: `
            var input = document.querySelector('input[type=tel]');
            input.addEventListener('change', function () {
              ttq.identify({ phone_number: input.value }); // expect: phone tiktok-pixel
            });
          `,
        }}
      />
    </>
  );
}
