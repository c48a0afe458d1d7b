# why: converting a huge integer to a string is quadratic; Python 3.12 caps the digits
# expect: error
# error-type: ValueError
str(10 ** 100000)
