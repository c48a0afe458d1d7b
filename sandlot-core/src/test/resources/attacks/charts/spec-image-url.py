# why: an image mark's url channel would make vega's loader fetch (sanitize) a host file or URL while rendering on the host; the loader refuses, the href stays empty
# expect: ok
chart({'data': {'values': [{'u': 'file://' + hostDir + '/' + marker}, {'u': 'http://127.0.0.1:' + str(port) + '/'}]},
       'mark': 'image', 'encoding': {'url': {'field': 'u', 'type': 'nominal'}}})
