# why: multiprocessing starts a real process (or, in GraalPy, an inner context): neither may happen (F8)
# expect: error, denied
import multiprocessing
p = multiprocessing.Process(target=print, args=('child ran',))
p.start()
p.join()
