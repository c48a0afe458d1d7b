// why: the href channel puts a link in the host-rendered SVG; rendering without a loader must not follow or sanitize it through the host
// expect: ok
chart({data: {values: [{a: 1}]}, mark: 'point',
       encoding: {x: {field: 'a', type: 'quantitative'}, href: {value: 'http://127.0.0.1:' + port + '/'}}})
