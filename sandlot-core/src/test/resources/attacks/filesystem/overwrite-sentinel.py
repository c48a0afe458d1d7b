# why: overwriting an existing host file
# expect: error, denied
with open(sentinel, 'w') as f:
    f.write('pwned')
