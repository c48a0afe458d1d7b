// why: tampering with an exposed host function must not affect the next execution's copy
// expect: ok, error
// policy: hostfn
// then: [echo.tampered, echo(1)]
// then-value: [null, [1]]
try { echo.tampered = 'yes'; } catch (e) {}
Object.getPrototypeOf(echo).tampered = 'yes';
