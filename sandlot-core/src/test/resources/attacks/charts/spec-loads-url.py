# why: a spec whose data comes from a URL would make the host fetch it (vega's loader): charts take inline data only
# expect: error
# error-type: RuntimeError
chart({'data': {'url': 'file:///etc/passwd', 'format': {'type': 'csv'}}, 'mark': 'point',
       'encoding': {'x': {'field': 'root', 'type': 'nominal'}}})
