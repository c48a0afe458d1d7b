// why: a file a stateless execution writes through node's fs is gone for the next one
// expect: ok
// policy: vfs
// then: require('fs').existsSync('left.txt') || require('fs').readdirSync('.').length
// then-value: 0
require('fs').writeFileSync('left.txt', 'from an earlier execution');
