// why: the host keeps each JS context's timer loop in its polyglot bindings ('sandlot.timers'): the guest must not reach them
// expect: error
const fire = (typeof Polyglot !== 'undefined') ? Polyglot.import('sandlot.timers') : undefined;
if (fire === undefined) { throw new Error('no Polyglot: ' + typeof Polyglot); }
fire();
