// why: node's modules by name from a module: none exists in the sandbox
// expect: error
import { execSync } from 'child_process';
execSync('id').toString()
