// why: a chart's expressions run in the host's renderer context, shared by every guest's charts: one that reached
// why: Function there could poison the renderer for other tenants; vega-interpreter refuses it
// expect: error
// error-type: Error
chart({data: {values: [{a: 1}]}, mark: 'point',
       transform: [{calculate: "constructor.constructor('globalThis.poisoned = 1')()", as: 'b'}],
       encoding: {x: {field: 'b', type: 'quantitative'}}})
