// why: RegExp.$1 and lastMatch are engine-wide in some engines: a secret matched by one guest must not be visible
// expect: ok
// then: [RegExp.$1, RegExp.lastMatch, RegExp.input]
// then-value: ["", "", ""]
/(secret-\d+)/.exec('the secret-42 here')
