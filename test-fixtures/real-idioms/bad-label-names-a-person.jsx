// JSX: a bare `name` field whose <label> names a person is a person's name.
import posthog from 'posthog-js';

export function Contact() {
  return (
    <form>
      <label htmlFor="contact-name">Your full name</label>
      <input id="contact-name" name="name" onBlur={(e) => posthog.capture('Named', { n: e.target.value })} /> {/* expect: name posthog */}
    </form>
  );
}
