// why: a chain of 20,000 errors, each the cause of the next, with megabyte messages and stacks, a cause that is a
// why: huge string, and one that points back into the chain; node would print it all, the result must stay small
// expect: error
// error-type: Error
const big = 'x'.repeat(1_000_000);
const frames = '    at f (main.js:1:1)\n'.repeat(100_000);
let error = new Error('root', { cause: big });
const root = error;
for (let i = 0; i < 20_000; i++) {
  error = new Error(i % 2 ? big : 'e' + i, { cause: error });
  if (i % 3 === 0) { error.stack = frames; }
}
root.cause = error;
throw error;
