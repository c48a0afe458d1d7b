# why: exporting into the shared bindings would let a later context (or language) pick the value up
# expect: error, denied
import polyglot
polyglot.export_value('leak', 42)
assert False, 'polyglot.export_value returned'
