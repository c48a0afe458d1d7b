// Globals node programs lean on that GraalJS lacks: V8's captureStackTrace in error classes, Date's zone name,
// performance.now() around a piece of work, and Web Crypto's random values and UUIDs.
class AppError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = this.constructor.name;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
}
class NotFoundError extends AppError {
  constructor(resource, id) {
    super(`${resource} ${id} not found`);
    this.resource = resource;
    this.status = 404;
  }
}

function findUser(users, id) {
  const user = users.find((u) => u.id === id);
  if (!user) {
    throw new NotFoundError('user', id);
  }
  return user;
}

const users = [{ id: 1, name: 'Ann' }, { id: 2, name: 'Bo' }];
for (const id of [2, 7]) {
  try {
    console.log('found', findUser(users, id).name);
  } catch (error) {
    const firstFrame = error.stack.split('\n')[1].trim().split(' ')[1];
    console.log(error.name, error.status, error.message, error instanceof AppError, String(error), firstFrame);
  }
}
const plain = { name: 'Plain', message: 'an object' };
Error.captureStackTrace(plain);
console.log(plain.stack.split('\n')[0], Object.keys(plain), typeof Error.stackTraceLimit);
Error.stackTraceLimit = 0;
const bare = {};
Error.captureStackTrace(bare);
console.log(JSON.stringify(bare.stack));
Error.stackTraceLimit = 10;

const when = new Date(Date.UTC(2024, 6, 4, 15, 30, 0));
console.log(when.toString());
console.log(when.toTimeString());
console.log(`${when}`.length, String(new Date(NaN)));

const start = performance.now();
let sum = 0;
for (let i = 0; i < 100000; i++) {
  sum += i % 7;
}
const elapsed = performance.now() - start;
console.log(sum, typeof elapsed, elapsed >= 0, performance.timeOrigin > 1.7e12);

const ids = new Set(Array.from({ length: 50 }, () => crypto.randomUUID()));
const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
console.log(ids.size, [...ids].every((id) => v4.test(id)));
const bytes = crypto.getRandomValues(new Uint8Array(32));
const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
console.log(token.length, /^[0-9a-f]+$/.test(token), crypto.getRandomValues(new Uint16Array(4)).length);
for (const bad of [new Float32Array(4), new Uint8Array(70000)]) {
  try {
    crypto.getRandomValues(bad);
  } catch (error) {
    console.log(error.name, error.message);
  }
}
