import copy
import operator

orig = {"name": "cfg", "values": [1, 2, [3, 4]], "meta": {"tags": {"a"}}}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
shallow["values"][2].append(5)
deep["values"].append(99)
print(orig)
print(deep)
print(orig["values"] is shallow["values"], orig["values"] is deep["values"])

class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        return f"Node({self.val}, {self.children})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
t2.children[1].children[0].val = 40
print(tree, t2)
lst = [1, 2]
lst.append(lst)
cp = copy.deepcopy(lst)
print(cp[2] is cp, cp[:2])
print(operator.add(2, 3), operator.mul("ab", 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.neg(5), operator.not_(0))
getter = operator.itemgetter(1, 0)
print(getter(["a", "b"]), operator.itemgetter("k")({"k": "v"}))
print(operator.attrgetter("real", "imag")(3 + 4j), operator.methodcaller("split", ",")("a,b,c"), operator.methodcaller("replace", "a", "o")("banana"))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), operator.contains([1, 2], 2), operator.indexOf([5, 6, 7], 7), operator.countOf([1, 1, 2], 1))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.concat([1], [2]), operator.getitem("hello", slice(1, 3)))
d = {}
operator.setitem(d, "x", 1)
print(d, operator.length_hint(iter([1, 2, 3])), operator.index(7), operator.pow(2, 10), operator.xor(6, 3))
from functools import reduce
print(reduce(operator.or_, [1, 2, 4, 8]), reduce(operator.add, ["a", "b", "c"]))
