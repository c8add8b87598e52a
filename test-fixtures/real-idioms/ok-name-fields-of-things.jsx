// A `name` field whose placeholder or label names a thing, not a person.
import React, { useState } from 'react';

export function SaveView() {
  const [name, setName] = useState('');
  const save = () => analytics.track('View Saved', { name });
  return (
    <form onSubmit={save}>
      <input name="name" placeholder="View name" onChange={(e) => setName(e.target.value)} />
    </form>
  );
}
