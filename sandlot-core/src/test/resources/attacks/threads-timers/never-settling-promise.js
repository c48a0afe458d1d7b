// why: a promise that never settles must not keep the execution (or a thread) waiting
// expect: ok
// value: "done"
new Promise(() => {}).then(() => { for (;;) {} });
'done'
