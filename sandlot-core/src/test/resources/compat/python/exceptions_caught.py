import sys
import traceback

class DataError(Exception):
    pass

class MissingColumn(DataError):
    def __init__(self, column):
        super().__init__(f"missing column: {column}")
        self.column = column

def load(row):
    if "amount" not in row:
        raise MissingColumn("amount")
    try:
        return float(row["amount"])
    except ValueError as e:
        raise DataError(f"bad amount {row['amount']!r}") from e

rows = [{"amount": "1.5"}, {"amt": "2"}, {"amount": "x"}, {"amount": "3"}]
ok = []
for i, row in enumerate(rows):
    try:
        v = load(row)
    except MissingColumn as e:
        print(f"row {i}: {e} ({e.column})")
    except DataError as e:
        print(f"row {i}: {e}; cause: {type(e.__cause__).__name__}: {e.__cause__}")
    else:
        ok.append(v)
    finally:
        print(f"row {i} done")
print("ok:", ok)

def risky():
    return 1 / 0
try:
    risky()
except ZeroDivisionError:
    tb = traceback.format_exc()
    print("traceback starts:", tb.splitlines()[0], "| last:", tb.strip().splitlines()[-1])
    print("frames:", [f.name for f in traceback.extract_tb(sys.exc_info()[2])])
try:
    {}["k"]
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    [][1]
except IndexError as e:
    print(type(e).__name__, e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b")])
except ExceptionGroup as eg:
    print("group:", eg.message, [type(x).__name__ for x in eg.exceptions], eg.split(ValueError)[0].exceptions)
e = ValueError("with note")
e.add_note("hint: check input")
print(e.__notes__, "".join(traceback.format_exception_only(e)).strip().splitlines())
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print(type(e.__context__).__name__, e.__suppress_context__)
print("done")
