# why: the host keeps each Python context's source setter in its polyglot bindings ('sandlot.source'): the guest must not reach it
# expect: error
import polyglot
show = polyglot.import_value('sandlot.source')
show('print("replaced")')
