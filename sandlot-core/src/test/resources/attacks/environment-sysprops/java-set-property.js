// why: changing a host system property
// expect: error
// error-type: ReferenceError
Java.type('java.lang.System').setProperty(marker, 'pwned')
