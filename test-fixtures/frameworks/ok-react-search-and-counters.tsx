// Search boxes, quantities and UI state are not personal data.
import { useState } from 'react';

export function Search({ labels }: { labels: Record<string, string> }) {
  const [q, setQ] = useState('');
  const [qty, setQty] = useState(1);
  return (
    <div>
      <input type="search" value={q} onChange={(e) => { setQ(e.target.value); posthog.capture('search_typed', { length: e.target.value.length }); }} />
      <input type="number" name="quantity" value={qty} onChange={(e) => setQty(Number(e.target.value))} />
      <button onClick={() => gtag('event', 'add_to_cart', { quantity: qty, label: labels.email })}>Add</button>
    </div>
  );
}
