# why: a traceback through the standard library (error.stack, traceback.format_exc) would show the host path of
# why: GraalPy's home; the runner also checks that no result contains the host's home folder (issue 10)
# expect: error
# error-type: JSONDecodeError
import json, traceback
try:
    json.loads('{')
except ValueError:
    text = traceback.format_exc()
    assert '/usr/lib/graalpy/lib/python3.12/json/decoder.py' in text, text
    print(text)
json.loads('[')
