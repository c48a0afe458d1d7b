# why: jarray makes real host arrays; their Java methods (getClass) must not be reachable
# expect: error, denied
import jarray
jarray.zeros(1, 'i').getClass().forName('java.lang.Runtime')
