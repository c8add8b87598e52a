// A JSX namespaced member name makes the parser hit unreachable!(): the file is reported, the run goes on.
const x = <a:b.c />;
fbq('track', 'View');
