// JSX: a bare `name` field whose <label> (htmlFor, or wrapping it) names a thing is no person.
import posthog from 'posthog-js';

export function NewView() {
  return (
    <form>
      <label htmlFor="view-name">View name</label>
      <input id="view-name" name="name" onBlur={(e) => posthog.capture('View named', { v: e.target.value })} />
      <label>
        Project <b>name</b>
        <input name="name" onBlur={(e) => posthog.capture('Project named', { p: e.target.value })} />
      </label>
    </form>
  );
}
