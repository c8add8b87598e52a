// The viewer identifies the visitor by the email they verified.
import { useAnalytics } from '@/lib/analytics';

export default function Viewer({ data }: { data: { email: string; documentId: string } }) {
  const analytics = useAnalytics();
  const onVerified = () => {
    analytics.identify(data.email);
    analytics.capture('Email Verified', { viewerEmail: data.email, documentId: data.documentId });
  };
  return <button onClick={onVerified}>Continue</button>;
}
