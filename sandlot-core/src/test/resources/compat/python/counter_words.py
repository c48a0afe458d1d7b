import re
from collections import Counter

TEXT = """
The quick brown fox jumps over the lazy dog. The dog barks; the fox runs!
A fox is quick, and a dog is lazy? Perhaps. THE END -- the end.
Straße and STRASSE are the same word when casefolded. Café, café, CAFÉ.
"""

words = re.findall(r"[^\W\d_]+", TEXT.casefold())
counts = Counter(words)
print("total words:", sum(counts.values()), "distinct:", len(counts))
for word, n in counts.most_common(8):
    print(f"{word:>10} {n:3d} {'*' * n}")
print(counts["fox"], counts["missing"])
letters = Counter(c for c in TEXT.lower() if c.isalpha())
print(letters.most_common(5))
c2 = Counter(a=3, b=1) + Counter(a=1, c=2)
print(c2, c2.total())
print(Counter(a=3, b=1) - Counter(a=1, b=5))
print(Counter("mississippi"))
print(sorted(Counter("mississippi").elements()))
print(list(Counter(words).keys())[:10])
lengths = Counter(len(w) for w in words)
for k in sorted(lengths):
    print(k, lengths[k])
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(3))
