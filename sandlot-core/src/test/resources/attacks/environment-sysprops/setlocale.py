# why: setlocale in a real CPython changes the process locale; here the host JVM's default locale must not change
# expect: ok, error
import locale
locale.setlocale(locale.LC_ALL, 'de_DE.UTF-8')
