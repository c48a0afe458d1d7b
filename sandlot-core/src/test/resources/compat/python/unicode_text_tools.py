"""Text clean-up an agent does before matching and printing tables: accent folding, slugs, display widths,
numeric characters, decompositions and character names, all through unicodedata."""
import re
import unicodedata

names = ["José Álvarez", "Jose Alvarez", "  JOSÉ  ÁLVAREZ ", "Zoë Brontë", "François Müller", "Ægir Øster",
         "Dvořák", "Łódź", "Ångström", "naïve café"]


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", kept).strip().casefold()


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


for name in names:
    print(f"{name!r:24} -> {fold(name)!r:22} {slug(name)}")

# Display width, as terminal tables count it: East Asian wide and fullwidth characters take two columns.
def width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


rows = [("東京", 13960000), ("Zürich", 421878), ("ＡＢＣ corp", 42), ("São Paulo", 12330000), ("서울", 9776000)]
for city, population in rows:
    print(city + " " * (12 - width(city)) + f"{population:>10,}")
print([unicodedata.east_asian_width(ch) for ch in "aあＡｱ€"])

# Numeric characters: fractions, superscripts, other scripts' digits.
for ch in "½¾⅓²³٣७Ⅻ五":
    print(ch, unicodedata.numeric(ch), unicodedata.digit(ch, None), unicodedata.decimal(ch, None))
print(sum(unicodedata.decimal(ch) for ch in "١٢٣"), int("١٢٣"))
for function in (unicodedata.digit, unicodedata.decimal, unicodedata.numeric):
    try:
        function("x")
    except ValueError as error:
        print(function.__name__, "ValueError:", error)

# Decompositions, combining classes, mirroring and names.
for ch in "éÅﬁ²①ＡŉǄ":
    print(f"U+{ord(ch):04X}", unicodedata.decomposition(ch), unicodedata.combining(ch), unicodedata.category(ch))
print([unicodedata.combining(ch) for ch in "\u0301\u0327\u05b0\u093c\u0e48a"])
print([unicodedata.mirrored(ch) for ch in "()<>[]{}«»a"])
for name in ("EM DASH", "latin small letter sharp s", "SNOWMAN", "EURO SIGN"):
    ch = unicodedata.lookup(name)
    print(name, "->", ch, unicodedata.name(ch))
for bad in ("NO SUCH CHARACTER", "ab", 42):
    try:
        unicodedata.lookup(bad) if isinstance(bad, str) and " " in bad else unicodedata.combining(bad)
    except (KeyError, TypeError) as error:
        print(type(error).__name__, error)
