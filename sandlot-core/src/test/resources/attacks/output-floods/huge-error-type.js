// why: the error type comes from the guest (a thrown object's name): it must be capped like the message (F6)
// expect: error
// limits: maxOutputBytes=10000
throw {name: 'N'.repeat(5000000), message: 'm'}
