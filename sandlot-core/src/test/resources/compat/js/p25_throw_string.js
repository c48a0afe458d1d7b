// Throwing non-Error values at top level.
const summary = { ok: 3, failed: 1 };
console.log('summary', JSON.stringify(summary));
if (summary.failed > 0) {
  throw { code: 'FAILED', count: summary.failed };
}
