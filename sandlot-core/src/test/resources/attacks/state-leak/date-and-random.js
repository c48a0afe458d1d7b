// why: replacing time and randomness sources
// expect: ok
// then: [Date.now() > 1e12, typeof Math.random(), Math.random() !== Math.random()]
// then-value: [true, "number", true]
Date.now = () => 0; Math.random = () => 0.5;
