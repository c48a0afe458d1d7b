# why: endless output
# expect: output_limit
# limits: maxOutputBytes=10000
while True:
    print('flood' * 100)
