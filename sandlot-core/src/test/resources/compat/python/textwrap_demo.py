import textwrap

para = ("Sandlot runs untrusted code inside the JVM. Each execution gets its own context, "
        "with every door to the host shut and every limit enforced; results come back as data.")
print(textwrap.fill(para, width=40))
print("---")
for line in textwrap.wrap(para, width=30, initial_indent="* ", subsequent_indent="  "):
    print(repr(line))
print(textwrap.shorten(para, width=50, placeholder=" [...]"))
code = """
    def f(x):
        return x * 2
"""
print(textwrap.dedent(code))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.indent("a\nb\n\nc", "> ", predicate=lambda line: True))
w = textwrap.TextWrapper(width=20, break_long_words=True, max_lines=3, placeholder="...")
print(w.wrap("supercalifragilisticexpialidocious is a very long word indeed, you know"))
print(textwrap.fill("tabs\tand\tspaces", width=12, expand_tabs=True, tabsize=4))
table = [("Item", "Qty", "Price"), ("Apples", 3, 1.2), ("Bananas", 12, 0.25), ("Cherries", 100, 10.0)]
for name, q, p in table:
    print(f"{name:<10}|{q!s:>5}|{p!s:>7}")
print(textwrap.wrap("", width=10), textwrap.fill("word " * 5, width=11))
