// why: process.exit throws so that the script stops; a script that catches what it throws and goes on must still
// why: end with the status it asked for, not a success, and an exit code that is not a number is refused
// expect: error
try { process.exit(3); } catch (e) { console.log('caught', e.name); }
console.log('went on');
