// why: a data: URL needs no network, yet it still goes through vega's loader, which must refuse it too
// expect: error
// error-type: Error
chart({data: {url: 'data:text/csv;base64,YSwxCg==', format: {type: 'csv'}}, mark: 'point',
       encoding: {x: {field: 'a', type: 'nominal'}}})
