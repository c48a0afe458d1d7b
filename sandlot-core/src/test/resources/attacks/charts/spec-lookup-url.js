// why: a lookup transform whose secondary data comes from a url becomes a data source vega would load on the host
// expect: error
// error-type: Error
chart({data: {values: [{k: 'root'}]},
       transform: [{lookup: 'k', from: {data: {url: 'file:///etc/passwd', format: {type: 'dsv', delimiter: ':'}}, key: 'root', fields: ['x']}}],
       mark: 'point', encoding: {x: {field: 'k', type: 'nominal'}}})
