// why: a session keeps state for its own later executions only: a second session starts clean
// expect: ok
// mode: session
// then: [typeof secret, ({}).polluted]
// then-value: ["undefined", null]
var secret = 'session A'; Object.prototype.polluted = 'yes';
