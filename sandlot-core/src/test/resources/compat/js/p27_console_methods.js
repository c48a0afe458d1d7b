// console methods beyond log: format specifiers, error/warn/info, table, group, count, time.
console.log('%s has %d items costing %f', 'cart', 3, 9.99);
console.log('%i percent', 42.9, 'extra', 'args');
console.log('%o and %O', { a: [1, 2] }, { b: { c: 1 } });
console.log('%j json?', { a: 1 });
console.log('100%', 'literal', '%% double', '%s');
console.log('%c styled', 'color: red');
console.log('%d', '42abc', '%s', null);
console.info('info line');
console.warn('warn line');
console.error('error line', { code: 1 });
console.debug('debug line');
console.trace === undefined || console.log('trace exists');
for (const name of ['table', 'group', 'groupEnd', 'count', 'countReset', 'time', 'timeEnd', 'assert', 'dir', 'dirxml']) {
  console.log(name, typeof console[name]);
}
if (typeof console.group === 'function') {
  console.group('Group A');
  console.log('inside A');
  console.group();
  console.log('nested');
  console.groupEnd();
  console.groupEnd();
  console.log('outside');
}
if (typeof console.count === 'function') {
  console.count(); console.count('x'); console.count(); console.count('x');
}
if (typeof console.assert === 'function') {
  console.assert(1 === 1, 'not printed');
  console.assert(1 === 2, 'assertion message', 42);
}
if (typeof console.dir === 'function') console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
