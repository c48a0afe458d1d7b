# why: climbing out of /work with .. to the host folder
# expect: error, denied
open('../../../../../../../..' + hostDir + '/' + marker, 'w').write('pwned')
