// Optional chaining on the session object, and on the Heap global.
declare global {
  interface Window { heap?: { identify(id: string): void } }
}
interface Session { user?: { id: string; email?: string } }

export function identifyVisitor(session: Session | null): void {
  const email = session?.user?.email;
  if (email) {
    window.heap?.identify(email); // expect: email heap
  }
}
