// A copy of the react-intercom package kept in the repository.
import { useEffect } from 'react';

export default function Intercom({ appID, ...settings }) {
  useEffect(() => {
    window.Intercom('boot', { app_id: appID, ...settings });
  }, [appID, settings]);
  return null;
}
