// Names no SDK: the data flows into @app/tracking.
import { identify } from '@app/tracking';
import { hasConsent } from 'src/app/consent';

const emailInput = document.querySelector<HTMLInputElement>('#profile-email')!;
emailInput.addEventListener('change', () => {
  if (hasConsent()) identify({ email: emailInput.value, plan: 'pro' });
});
