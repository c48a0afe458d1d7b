// A script written as a node module: helpers exported for tests, main() run only when it is the entry point, and
// its data file found next to it through __dirname.
const fs = require('fs');

function summarize(rows) {
  const byTeam = new Map();
  for (const { team, points } of rows) {
    byTeam.set(team, (byTeam.get(team) ?? 0) + points);
  }
  return [...byTeam].sort((a, b) => b[1] - a[1]);
}

function main() {
  const file = __dirname + '/scores.csv';
  fs.writeFileSync(file, 'team,points\nred,3\nblue,5\nred,4\ngreen,1\n');
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  console.log('columns:', header.split(','));
  const rows = lines.map((line) => {
    const [team, points] = line.split(',');
    return { team, points: Number(points) };
  });
  for (const [team, total] of summarize(rows)) {
    console.log(`${team.padEnd(6)}${String(total).padStart(3)}`);
  }
  console.log('entry point:', require.main === module, 'file:', __filename.endsWith('.js'));
  fs.unlinkSync(file);
}

module.exports = { summarize };
exports.version = '1.0';
console.log(typeof module, typeof exports, Object.keys(module.exports));

if (require.main === module) {
  main();
}
