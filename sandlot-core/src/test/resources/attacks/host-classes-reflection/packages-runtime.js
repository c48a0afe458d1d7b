// why: the Rhino/Nashorn-style Packages global reaches any host class when host class lookup is on
// expect: error
Packages.java.lang.Runtime.getRuntime().exec(['touch', hostDir + '/' + marker])
