from enum import Enum, IntEnum, Flag, auto, unique

@unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

class Status(str, Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
print([c.name for c in Color], {c.name: c.value for c in Color})
print(Status.ACTIVE.value, Status("inactive").name, Status.ACTIVE == "active")
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, sorted([Priority.HIGH, Priority.LOW]), int(Priority.MEDIUM))
print(max([Priority.LOW, Priority.HIGH]).name)
rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, rw.value, bool(Perm.R & Perm.X))
print(Perm.R.name, Perm(4).name)
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
for p in Planet:
    print(p.name, f"{p.gravity:.2f}")
print(Color.RED == 1, Priority.LOW == 1)
print(f"{Priority.HIGH}", str(Priority.HIGH), format(Color.RED))
