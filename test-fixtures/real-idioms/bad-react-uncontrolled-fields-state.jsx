// Uncontrolled fields whose onChange stores the value in state: the state holds the field.
import React, { useState } from 'react';

export default function LeadForm() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [company, setCompany] = useState('');
  const onSubmit = () => {
    window.analytics.track('Lead Form Submitted', { name, email, company }); // expect: name segment, email segment
  };
  return (
    <form onSubmit={onSubmit}>
      <input required onChange={(e) => setName(e.target.value)} name="Name" type="text" placeholder={'Your Name'} />
      <input required onChange={(e) => setEmail(e.target.value)} type="email" name="Email" />
      <input onChange={(e) => { setCompany(e.currentTarget.value); }} type="text" name="Company Name" />
    </form>
  );
}
