// Proxies, getters, defineProperty, freeze: a validating model.
const audit = [];
function model(target, schema) {
  return new Proxy(target, {
    get(t, k, r) { if (typeof k === 'string') audit.push('get ' + k); return Reflect.get(t, k, r); },
    set(t, k, v) {
      const type = schema[k];
      if (!type) throw new TypeError(`unknown field ${String(k)}`);
      if (typeof v !== type) throw new TypeError(`${k} must be ${type}, got ${typeof v}`);
      audit.push(`set ${k}=${v}`);
      return Reflect.set(t, k, v);
    },
    has(t, k) { return k in schema; },
    deleteProperty(t, k) { audit.push('delete ' + k); return delete t[k]; },
    ownKeys(t) { return Reflect.ownKeys(t).filter(k => !String(k).startsWith('_')); },
  });
}
const user = model({ _secret: 'x' }, { name: 'string', age: 'number' });
user.name = 'Ann';
user.age = 31;
try { user.age = '31'; } catch (e) { console.log(e.message); }
try { user.email = 'a@b'; } catch (e) { console.log(e.message); }
console.log(user.name, user.age, 'age' in user, 'email' in user, Object.keys(user).join(','), JSON.stringify(user));
delete user.age;
console.log(audit.join(' | '));
const temp = {
  _c: 25,
  get f() { return this._c * 9 / 5 + 32; },
  set f(v) { this._c = (v - 32) * 5 / 9; },
};
temp.f = 212;
console.log(temp._c, temp.f, Object.getOwnPropertyDescriptor(temp, 'f').get.name, JSON.stringify(temp));
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
frozen.a = 99; frozen.nested.b = 3;
console.log(frozen.a, frozen.nested.b, Object.isFrozen(frozen), Object.isFrozen(frozen.nested));
const obj = {};
Object.defineProperty(obj, 'hidden', { value: 42, enumerable: false });
Object.defineProperty(obj, 'ro', { value: 'fixed', enumerable: true, writable: false });
obj.ro = 'changed';
console.log(Object.keys(obj).join(','), obj.hidden, obj.ro, JSON.stringify(obj), JSON.stringify(Object.getOwnPropertyDescriptors(obj)));
const counter = new Proxy({}, { get: (t, k) => (k in t ? t[k] : 0) });
for (const ch of 'hello world') counter[ch]++;
console.log(JSON.stringify(counter));
const sealed = Object.seal({ x: 1 });
sealed.x = 2; sealed.y = 3; delete sealed.x;
console.log(JSON.stringify(sealed), Object.isSealed(sealed), Object.isExtensible(sealed));
const revocable = Proxy.revocable({}, {});
revocable.revoke();
try { revocable.proxy.x; } catch (e) { console.log('revoked:', e.name); }
console.log(typeof new Proxy(function () {}, {}), Array.isArray(new Proxy([], {})), Reflect.has({ a: 1 }, 'a'), Reflect.ownKeys([1]).join());
