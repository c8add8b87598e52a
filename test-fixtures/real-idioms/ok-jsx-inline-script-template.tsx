// Inline scripts that send only ids, and template literals that are not scripts, stay quiet.
import Script from 'next/script';

export function Pixels({ email }: { email: string }) {
  const note = `fbq('init', '1', { em: '${email}' })`;
  return (
    <>
      <Script id="ga" strategy="afterInteractive">
        {`
          window.dataLayer = window.dataLayer || [];
          function gtag(){dataLayer.push(arguments);}
          gtag('js', new Date());
          gtag('config', '${'G-XXXX'}');
        `}
      </Script>
      <pre>{`fbq('track', 'Lead', { em: document.getElementById('email').value })`}</pre>
      <p title={note}>{email}</p>
    </>
  );
}
