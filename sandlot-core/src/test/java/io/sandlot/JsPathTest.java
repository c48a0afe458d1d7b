package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * node's {@code path} ({@code require('path')}, {@code node:path}, {@code path/posix}): the output of a program
 * compared with what node 20 prints for it run in {@code /work}, the guest's working directory.
 */
class JsPathTest {

    /**
     * join, resolve (against /work, the working directory of process.cwd() and fs), relative, parse, format,
     * normalize, extname, basename, dirname, sep; node's errors for arguments that are not strings.
     */
    @Test
    void functions_giveNodesResults_andErrors() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const path = require('path');
                console.log(path.join('data', 'raw', '..', 'clean', 'a.csv'), path.join('/a/', '/b//c/'), path.join(''), path.join());
                console.log(path.resolve('data', 'x.csv'), path.resolve('/tmp', 'a', '../b'), path.resolve(), path.resolve('/a', '/b', 'c'));
                console.log(path.relative('/work/data/raw', '/work/out/x.json'), path.relative('/a', '/a'), path.relative('a', 'b'));
                console.log(path.parse('/home/u/report.final.pdf'), path.parse('.bashrc'), path.parse('dir/'));
                console.log(path.format({ dir: '/out', name: 'x', ext: '.json' }), path.format({ root: '/', base: 'f.txt' }),
                  path.format({ name: 'n', ext: 'txt' }));
                console.log(path.normalize('/a//b/../c/./d/'), path.normalize(''), path.normalize('../../x'), path.normalize('a/..'));
                console.log(path.extname('a.tar.gz'), path.extname('.hidden'), path.extname('noext'), path.extname('dot.'));
                console.log(path.basename('/a/b/c.txt'), path.basename('/a/b/c.txt', '.txt'), path.basename('/a/b/'), path.basename('c.txt', 'c.txt'));
                console.log(path.dirname('/a/b/c'), path.dirname('a'), path.dirname('/'), path.dirname('a/b/'));
                console.log(path.sep, path.delimiter, path.isAbsolute('/x'), path.isAbsolute('x'), path.posix === path,
                  require('node:path') === path, require('path/posix') === path, path.resolve('.') === process.cwd());
                const error = (f) => { try { return f(); } catch (e) { return `${e.name} ${e.code}: ${e.message}`; } };
                for (const f of [() => path.join('a', 5), () => path.resolve('a', null), () => path.resolve(1, '/a'), () => path.relative('/a', {}),
                  () => path.basename('a', 1), () => path.format('a'), () => path.extname(undefined), () => path.dirname([])]) console.log(error(f));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                data/clean/a.csv /a/b/c/ . .
                /work/data/x.csv /tmp/b /work /b/c
                ../../out/x.json  ../b
                {
                  root: '/',
                  dir: '/home/u',
                  base: 'report.final.pdf',
                  ext: '.pdf',
                  name: 'report.final'
                } { root: '', dir: '', base: '.bashrc', ext: '', name: '.bashrc' } { root: '', dir: '', base: 'dir', ext: '', name: 'dir' }
                /out/x.json /f.txt n.txt
                /a/c/d/ . ../../x .
                .gz   .
                c.txt c b\s
                /a/b . / a
                / : true false true true true true
                TypeError ERR_INVALID_ARG_TYPE: The "path" argument must be of type string. Received type number (5)
                TypeError ERR_INVALID_ARG_TYPE: The "paths[1]" argument must be of type string. Received null
                /a
                TypeError ERR_INVALID_ARG_TYPE: The "to" argument must be of type string. Received an instance of Object
                TypeError ERR_INVALID_ARG_TYPE: The "suffix" argument must be of type string. Received type number (1)
                TypeError ERR_INVALID_ARG_TYPE: The "pathObject" argument must be of type object. Received type string ('a')
                TypeError ERR_INVALID_ARG_TYPE: The "path" argument must be of type string. Received undefined
                TypeError ERR_INVALID_ARG_TYPE: The "path" argument must be of type string. Received an instance of Array
                """);
    }
}
