// queueMicrotask ordering.
const seq = [];
if (typeof queueMicrotask === 'function') {
  queueMicrotask(() => seq.push('qm 1'));
  Promise.resolve().then(() => seq.push('promise 1'));
  queueMicrotask(() => { seq.push('qm 2'); queueMicrotask(() => seq.push('qm nested')); });
  Promise.resolve().then(() => seq.push('promise 2'));
  seq.push('sync');
  Promise.resolve().then(() => Promise.resolve()).then(() => { seq.push('late'); console.log(seq.join(', ')); });
} else {
  console.log('queueMicrotask not available');
  Promise.resolve().then(() => seq.push('promise 1'));
  Promise.resolve().then(() => seq.push('promise 2'));
  seq.push('sync');
  Promise.resolve().then(() => Promise.resolve()).then(() => { seq.push('late'); console.log(seq.join(', ')); });
}
