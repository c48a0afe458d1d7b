// why: Nashorn exposed java.* packages as globals
// expect: error
java.lang.System.getProperty('user.home')
