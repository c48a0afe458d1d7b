// why: process.stdout.write and process.stderr.write write to the host's streams directly (not through the console):
// why: endless writes, strings and bytes on both, must still meet the output limit they share
// expect: output_limit
// limits: maxOutputBytes=10000
const bytes = new TextEncoder().encode('b'.repeat(300));
for (;;) { process.stdout.write('o'.repeat(300)); process.stderr.write(bytes); }
