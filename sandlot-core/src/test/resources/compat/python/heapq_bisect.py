import heapq
import bisect

scores = {"ann": 88, "bob": 95, "cid": 72, "dee": 95, "eve": 60, "fay": 81, "gus": 99}
print(heapq.nlargest(3, scores.items(), key=lambda kv: kv[1]))
print(heapq.nsmallest(2, scores, key=scores.get))
h = []
for name, s in sorted(scores.items()):
    heapq.heappush(h, (-s, name))
print([heapq.heappop(h) for _ in range(4)])
data = [5, 1, 8, 3, 9, 2]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, 4), heapq.heapreplace(data, 0), sorted(data))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
print(list(heapq.merge(["b", "d"], ["a", "c"], key=str.upper, reverse=False)))

def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])
arr = [1, 3, 3, 3, 7, 9]
print(bisect.bisect_left(arr, 3), bisect.bisect_right(arr, 3), bisect.bisect_left(arr, 4), bisect.bisect(arr, 10))
bisect.insort(arr, 5)
bisect.insort_left(arr, 3)
print(arr)
records = [(1, "a"), (4, "b"), (9, "c")]
print(bisect.bisect_left(records, 5, key=lambda r: r[0]))

# running median with two heaps
lo, hi = [], []
for x in [5, 15, 1, 3, 8, 7, 9, 10, 20, 2]:
    heapq.heappush(lo, -x)
    heapq.heappush(hi, -heapq.heappop(lo))
    if len(hi) > len(lo):
        heapq.heappush(lo, -heapq.heappop(hi))
    med = -lo[0] if len(lo) > len(hi) else (-lo[0] + hi[0]) / 2
    print(x, med)
