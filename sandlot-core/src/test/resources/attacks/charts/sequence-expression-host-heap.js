// why: a chart's data is made in the host's renderer, outside the guest's memory limit: 8 rows x sequence(0, 1e8) threw OutOfMemoryError in the host JVM (red-team finding 4)
// expect: error
// limits: maxMemoryMb=16
chart({data: {values: [{a: 1}, {a: 2}, {a: 3}, {a: 4}, {a: 5}, {a: 6}, {a: 7}, {a: 8}]},
       transform: [{calculate: 'sequence(0, 1e8)', as: 'b'}, {calculate: 'length(datum.b)', as: 'n'}],
       mark: 'bar', encoding: {x: {field: 'a', type: 'ordinal'}, y: {field: 'n', type: 'quantitative'}}})
