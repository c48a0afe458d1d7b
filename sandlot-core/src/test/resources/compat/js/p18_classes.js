// Classes: fields, private members, static blocks, accessors, inheritance.
class Account {
  static #count = 0;
  static registry = new Map();
  static { Account.bankName = 'Sandbank'; }
  #balance = 0;
  #history = [];
  owner;
  currency = 'USD';
  constructor(owner, initial = 0) {
    this.owner = owner;
    this.id = ++Account.#count;
    if (initial) this.deposit(initial);
    Account.registry.set(this.id, this);
  }
  get balance() { return this.#balance; }
  set balance(v) { throw new Error('balance is read-only'); }
  #record(type, amount) { this.#history.push({ type, amount, balance: this.#balance }); }
  deposit(amount) {
    if (!(amount > 0)) throw new RangeError(`invalid amount: ${amount}`);
    this.#balance += amount;
    this.#record('deposit', amount);
    return this;
  }
  withdraw(amount) {
    if (amount > this.#balance) throw new Error(`insufficient funds: ${this.#balance} < ${amount}`);
    this.#balance -= amount;
    this.#record('withdraw', amount);
    return this;
  }
  get history() { return this.#history.map(h => `${h.type}:${h.amount}->${h.balance}`); }
  static count() { return Account.#count; }
  static isAccount(o) { return #balance in o; }
  toString() { return `${this.constructor.name}(${this.owner}, ${this.#balance.toFixed(2)} ${this.currency})`; }
  toJSON() { return { id: this.id, owner: this.owner, balance: this.#balance }; }
}
class Savings extends Account {
  rate = 0.02;
  constructor(owner, initial, rate) { super(owner, initial); if (rate) this.rate = rate; }
  addInterest() { return this.deposit(Math.round(this.balance * this.rate * 100) / 100); }
  toString() { return 'Savings:' + super.toString(); }
}
const a = new Account('alice', 100).deposit(50).withdraw(30);
const s = new Savings('bob', 1000, 0.035).addInterest().addInterest();
console.log(String(a), `${s}`, a.balance, s.balance);
console.log(a.history.join(' '), '|', s.history.join(' '));
try { a.balance = 5; } catch (e) { console.log('set error:', e.message); }
try { a.withdraw(1e6); } catch (e) { console.log(e.constructor.name, e.message); }
try { a.deposit(-5); } catch (e) { console.log(e.name, e.message, e instanceof RangeError, e instanceof Error); }
console.log(Account.count(), Account.bankName, Account.isAccount(s), Account.isAccount({}), s instanceof Account, Object.getPrototypeOf(Savings) === Account);
console.log(JSON.stringify([a, s]), JSON.stringify(Object.keys(s)), Object.getOwnPropertyNames(Account.prototype).join(','));
console.log(typeof Account, Account.name, Savings.name, a.constructor === Account, [...Account.registry.keys()].join(','));
console.log(Object.entries(a).map(([k, v]) => `${k}=${v}`).join(' '));
class Temp { static from(c) { return Object.assign(new Temp(), { c }); } get f() { return this.c * 9 / 5 + 32; } }
console.log([0, 37, 100, -40].map(c => Temp.from(c).f).join(' '));
const Mixin = Base => class extends Base { greet() { return `hi ${this.owner}`; } };
class Greeter extends Mixin(Account) {}
console.log(new Greeter('carol').greet(), Greeter.name, Object.getPrototypeOf(Greeter).name === '');
console.log(a);
console.log(s);
console.log([new Temp()], { acct: a });
