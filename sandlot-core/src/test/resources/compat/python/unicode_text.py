import unicodedata

words = ["Straße", "STRASSE", "Café", "cafe\u0301", "ﬁnance", "İstanbul", "ǅemal", "Ωmega"]
for w in words:
    print(w, len(w), w.lower(), w.upper(), w.casefold(), w.title() if not w.startswith("ǅ") else "-", w.swapcase())
print("Café" == "cafe\u0301", unicodedata.normalize("NFC", "cafe\u0301") == "Café")
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    s = unicodedata.normalize(form, "ﬁ Café ①²")
    print(form, len(s), [hex(ord(c)) for c in s])
def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
print(strip_accents("Crème brûlée à la façon de Zoë, Ångström, naïve"))
for ch in "aZ5 é€😀\u200b-":
    print(repr(ch), unicodedata.name(ch, "?"), unicodedata.category(ch), ch.isalpha(), ch.isdigit(), ch.isspace(), ord(ch))
s = "héllo wörld 😀"
print(len(s), len(s.encode("utf-8")), len(s.encode("utf-16-le")), s.encode("utf-8"), s.encode("ascii", "replace"), s.encode("ascii", "ignore"))
print(s.encode("latin-1", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
print(b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"), b"\xff\xfe".decode("utf-8", "replace"))
print("١٢٣".isdigit(), int("١٢٣"), "Ⅻ".isnumeric(), "3.5".isdecimal(), "ǅ".istitle())
print("ß".upper(), "ﬀ".upper(), "İ".lower(), len("İ".lower()), "ΣΑΣ".lower())
print(sorted(["zebra", "Äpfel", "apple", "Zürich"]), sorted(["zebra", "Äpfel", "apple", "Zürich"], key=lambda w: strip_accents(w).casefold()))
print("日本語テキスト"[2:4], "👨‍👩‍👧"[0], len("👨‍👩‍👧"), "abc".center(9, "★"))
print(unicodedata.bidirectional("א"))
