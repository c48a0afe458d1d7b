import sys

print("stdin isatty:", sys.stdin.isatty())
try:
    name = input("Name? ")
except EOFError:
    name = "anonymous"
print()
print("hello,", name)
data = sys.stdin.read()
print("stdin had", len(data), "chars")
