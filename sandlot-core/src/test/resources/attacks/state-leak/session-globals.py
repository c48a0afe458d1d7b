# why: a session keeps state for its own later executions only: a second session starts clean
# expect: ok
# mode: session
# then: [n for n in ('secret', 'json') if n in globals()]
# then-value: []
secret = 'session A'
import json
