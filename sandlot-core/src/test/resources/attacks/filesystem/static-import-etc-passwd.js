// why: code that parses only as a module (a static import) runs as one, as node runs it; its imports go through
// why: the same closed file system as import(), so a host file is not found
// expect: error
import passwd from '/etc/passwd';
passwd
