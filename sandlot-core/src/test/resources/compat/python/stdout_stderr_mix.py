import sys
for i in range(3):
    print("out", i)
    print("err", i, file=sys.stderr)
sys.stderr.flush()
sys.stdout.flush()
print("summary: 3 lines each")
