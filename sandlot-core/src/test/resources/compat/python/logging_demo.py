import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
log = logging.getLogger("etl")
log.info("starting with %d rows", 42)
log.debug("not shown")
log.warning("missing values in %s", "price")
fh = logging.FileHandler("run.log", mode="w")
fh.setFormatter(logging.Formatter("[%(levelname)-7s] %(funcName)s: %(message)s"))
log.addHandler(fh)
def step():
    log.error("step failed: %r", {"code": 7})
step()
fh.close()
log.removeHandler(fh)
text = open("run.log").read()
print(text.splitlines()[:2], "Traceback" in text)
err = logging.getLogger("stderr-only")
err.propagate = False
err.addHandler(logging.StreamHandler(sys.stderr))
err.warning("this goes to stderr")
print(logging.getLevelName(30), logging.getLevelName("ERROR"), log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))
logging.getLogger().setLevel(logging.DEBUG)
log.debug("now shown")
