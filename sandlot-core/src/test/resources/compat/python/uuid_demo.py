import uuid

ns = uuid.NAMESPACE_DNS
for name in ["example.com", "python.org", "sandlot.io"]:
    print(name, uuid.uuid5(ns, name), uuid.uuid3(ns, name))
u = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/item/42")
print(u.hex, u.version, u.variant, u.int, u.urn, str(u).upper())
print(uuid.UUID("12345678-1234-5678-1234-567812345678").fields)
print(uuid.UUID(int=1), uuid.UUID(bytes=b"\x00" * 16), repr(uuid.UUID("{12345678-1234-5678-1234-567812345678}")))
ids = sorted(uuid.uuid5(uuid.NAMESPACE_OID, str(i)) for i in range(5))
print([str(i)[:8] for i in ids])
u4 = uuid.uuid4()
print(len(str(u4)), u4.version)
print(uuid.UUID("a8098c1a-f86e-11da-bd1a-00112444be1e").time if hasattr(uuid.UUID, "time") else None)
