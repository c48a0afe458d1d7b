import pprint

data = {
    "users": [
        {"id": 1, "name": "Alice Anderson", "roles": ["admin", "editor", "viewer"], "active": True, "score": 98.25},
        {"id": 2, "name": "Bob Brown", "roles": ["viewer"], "active": False, "score": None},
    ],
    "settings": {"theme": "dark", "langs": ("en", "de", "fr"), "limits": {"max": 100, "min": 1}},
    "counts": list(range(30)),
    "empty": {},
    "zeta": 1,
    "alpha": 2,
}
pprint.pprint(data)
pprint.pprint(data, width=120, sort_dicts=False)
pprint.pprint(data["users"], depth=2)
print(pprint.pformat(data["settings"], indent=4, width=30))
pprint.pp({"b": 1, "a": [1, 2, 3]})
print(pprint.pformat("a long string " * 10, width=40))
print(pprint.isreadable(data), pprint.saferepr([1, {2: 3}]))
pprint.pprint([[i * j for j in range(8)] for i in range(8)], width=60, compact=True)
pprint.pprint({"nested": {"deeper": {"deepest": list(range(20))}}}, width=50)
