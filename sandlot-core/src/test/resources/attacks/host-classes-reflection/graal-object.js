// why: the Graal global exposes engine details; it is switched off (js.graal-builtin=false)
// expect: error
Graal.versionGraalVM + Graal.isGraalRuntime()
