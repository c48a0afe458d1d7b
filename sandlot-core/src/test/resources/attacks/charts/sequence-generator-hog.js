// why: the one shared renderer rendered a 3e7-row sequence for its whole 20 s budget, and every other tenant's chart waited (red-team finding 5)
// expect: error
// then: chart({data: {sequence: {start: 0, stop: 10}}, mark: 'point', encoding: {x: {field: 'data', type: 'quantitative'}}}); 'drawn'
// then-value: "drawn"
chart({data: {sequence: {start: 0, stop: 3e7}}, transform: [{aggregate: [{op: 'count', as: 'n'}]}], mark: 'bar',
       encoding: {y: {field: 'n', type: 'quantitative'}}})
