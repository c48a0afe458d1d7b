# why: a host array of 8 GiB, allocated by the host for the guest
# expect: error, memory_limit
# limits: maxMemoryMb=64
import jarray
len(jarray.zeros(2 ** 30, 'l'))
