// why: a module's relative import climbing out of the working directory, with top-level await to force module mode
// expect: error
import * as hostname from '../../../../../../etc/hostname';
await null;
hostname
