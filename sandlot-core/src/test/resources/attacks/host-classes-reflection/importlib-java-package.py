# why: importlib gives a java.lang package module even without host lookup; reaching a class through it must fail
# expect: error, denied
import importlib
importlib.import_module('java.lang').System.getProperty('user.home')
