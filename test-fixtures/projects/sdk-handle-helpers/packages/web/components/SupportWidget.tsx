import Intercom from '../vendor/react-intercom';

export function SupportWidget({ account }: { account: { id: string; email: string; plan: string } }) {
  return <Intercom appID="abc123" user_id={account.id} email={account.email} plan={account.plan} />; // expect: email intercom
}
