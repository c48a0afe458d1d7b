package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * node's {@code crypto} ({@code require('crypto')}): real programs, whose output is compared with what node 20 prints
 * for the same program run in an empty directory.
 */
class JsCryptoTest {

    /** Known digests: sha256 of 'abc', md5 of '', the SHA-3, SHAKE, RIPEMD, BLAKE2 and SM3 hashes; names in any case
     * and OpenSSL's aliases; a digest in base64. */
    @Test
    void knownDigests_matchNodes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const crypto = require('crypto');
                const sha = (name, data, enc) => crypto.createHash(name).update(data, enc).digest('hex');
                console.log(sha('sha256', 'abc'), sha('md5', ''));
                console.log(sha('SHA1', 'abc'), sha('RSA-SHA256', 'abc') === sha('sha256', 'abc'), sha('sha-256', 'abc') === sha('sha256', 'abc'));
                console.log(crypto.createHash('sha512').update('abc').digest('base64'));
                console.log(sha('sha3-256', ''), sha('ripemd160', 'abc'), sha('sha512-256', 'abc'));
                console.log(crypto.createHash('shake256', { outputLength: 8 }).update('abc').digest('hex'), sha('shake128', 'abc'));
                console.log(sha('blake2b512', 'abc').slice(0, 32), sha('blake2s256', 'abc').slice(0, 32), sha('sm3', 'abc').slice(0, 32));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad d41d8cd98f00b204e9800998ecf8427e
                a9993e364706816aba3e25717850c26c9cd0d89d true true
                3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==
                a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a 8eb208f7e05d987a9b044a8e98c6b087f15a0bfc 53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23
                483366601360a877 5881092dd818bf5cf8a3ddb793fbcba7
                ba80a53f981c4d0d6a2797b69f12f6e9 508c5e8c327c14e2e1a72ba34eeb452f 66c7f0f462eeedd9d1f2d46bdc10e4e2
                """);
    }

    /** Updates in pieces equal one update; strings in hex, base64 and latin1; digest() is a Buffer; copy() goes on
     * apart; the one-shot hash(); a typed array's own bytes, not its whole buffer. */
    @Test
    void updateAndDigest_acceptNodesInputsAndEncodings() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const crypto = require('node:crypto');
                const whole = crypto.createHash('sha256').update('hello, world').digest('hex');
                const pieces = crypto.createHash('sha256').update('hello').update(Buffer.from(', ')).update(new Uint8Array([119, 111, 114, 108, 100])).digest('hex');
                console.log(whole === pieces, whole);
                console.log(crypto.createHash('md5').update('68656c6c6f', 'hex').digest('base64url'), crypto.createHash('md5').update('aGVsbG8=', 'base64').digest('hex'));
                console.log(crypto.createHash('md5').update('é', 'latin1').digest('hex'), crypto.createHash('md5').update('é').digest('hex'));
                const digest = crypto.createHash('sha1').update('abc').digest();
                console.log(Buffer.isBuffer(digest), digest.length, digest.toString('hex') === crypto.createHash('sha1').update('abc').digest('hex'));
                const start = crypto.createHash('sha256').update('ab');
                const copy = start.copy();
                console.log(start.update('c').digest('hex') === crypto.createHash('sha256').update('abc').digest('hex'), copy.digest('hex') === crypto.createHash('sha256').update('ab').digest('hex'));
                console.log(crypto.hash('sha1', 'abc'), crypto.hash('md5', Buffer.from('abc'), 'base64'), crypto.hash('sha256', 'abc', 'buffer').length);
                const view = new Float64Array([1.5, 2.5]).subarray(1);
                console.log(crypto.createHash('md5').update(view).digest('hex') === crypto.createHash('md5').update(Buffer.from(view.buffer, 8, 8)).digest('hex'));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                true 09ca7e4eaa6e8ae9c7d261167129184883644d07dfba7cbfbc4c8a2e08360d5b
                XUFAKrxLKna5cZ2REBfFkg 5d41402abc4b2a76b9719d911017c592
                3406877694691ddd1dfb0aca54681407 66ddcd97cfdeabb2f6fb8a999b4bc76f
                true 20 true
                true true
                a9993e364706816aba3e25717850c26c9cd0d89d kAFQmDzST7DWlj99KOF/cg== 32
                true
                """);
    }

    /** HMAC: RFC 4231's test cases 2 (SHA-256 and SHA-512, the second in two updates) and 6 (a key longer than the
     * block); keys as Buffer, Uint8Array and the empty string. */
    @Test
    void hmac_givesTheRfc4231Values() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const crypto = require('crypto');
                console.log(crypto.createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'));
                console.log(crypto.createHmac('sha512', Buffer.from('Jefe')).update('what do ya want ').update('for nothing?').digest('hex'));
                const key = Buffer.alloc(131, 0xaa);
                console.log(crypto.createHmac('sha256', key).update('Test Using Larger Than Block-Size Key - Hash Key First').digest('hex'));
                console.log(crypto.createHmac('md5', new Uint8Array([1, 2, 3])).update('x').digest('base64'), crypto.createHmac('sha1', '').digest('hex'));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
                164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737
                60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54
                GIgpoed6LIqArw6X0k8/VA== fbdb1d1b18aa6c08324b7d64b71fb76370690e1d
                """);
    }

    /** Ordinary misuse throws node's errors, with node's codes and words. */
    @Test
    void misuse_throwsNodesErrorsAndCodes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const crypto = require('crypto');
                const attempt = (fn) => { try { fn(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); } };
                attempt(() => crypto.createHash('nope'));
                attempt(() => crypto.createHash(5));
                attempt(() => crypto.createHash('sha256').update(5));
                attempt(() => crypto.createHash('sha256').update('abc', 'hex'));
                attempt(() => crypto.createHash('sha256', { outputLength: 16 }));
                attempt(() => crypto.createHash('shake128', { outputLength: -1 }));
                attempt(() => { const h = crypto.createHash('sha256'); h.digest(); h.digest(); });
                attempt(() => { const h = crypto.createHash('sha256'); h.digest(); h.update('x'); });
                attempt(() => { const h = crypto.createHash('sha256'); h.digest(); h.copy(); });
                attempt(() => crypto.createHmac('nope', 'k'));
                attempt(() => crypto.createHmac('sha256'));
                attempt(() => { const h = crypto.createHmac('sha256', 'k'); h.digest(); h.update('x'); });
                attempt(() => crypto.hash('nope', 'a'));
                attempt(() => crypto.hash('sha1', 'a', 'bogus'));
                attempt(() => crypto.randomBytes(-1));
                attempt(() => crypto.randomBytes('8'));
                attempt(() => crypto.randomInt(10, 5));
                attempt(() => crypto.randomInt(1.5));
                attempt(() => crypto.randomInt(2 ** 48 + 1));
                attempt(() => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('abc')));
                attempt(() => crypto.timingSafeEqual('ab', Buffer.from('ab')));
                attempt(() => crypto.pbkdf2Sync('pw', 'salt', 0, 20, 'sha1'));
                attempt(() => crypto.pbkdf2Sync('pw', 'salt', 1, 20));
                attempt(() => crypto.pbkdf2Sync('pw', 'salt', 1, 20, 'nope'));
                attempt(() => crypto.pbkdf2('pw', 'salt', 1, 20, 'sha1'));
                const h = crypto.createHmac('sha256', 'k');
                h.digest();
                console.log(JSON.stringify(h.digest('hex')), h.digest().length);
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                Error undefined Digest method not supported
                TypeError ERR_INVALID_ARG_TYPE The "algorithm" argument must be of type string. Received type number (5)
                TypeError ERR_INVALID_ARG_TYPE The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (5)
                TypeError ERR_INVALID_ARG_VALUE The argument 'encoding' is invalid for data of length 3. Received 'hex'
                Error ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH error:030000B2:digital envelope routines::not XOF or invalid length
                RangeError ERR_OUT_OF_RANGE The value of "options.outputLength" is out of range. It must be >= 0 && <= 4294967295. Received -1
                Error ERR_CRYPTO_HASH_FINALIZED Digest already called
                Error ERR_CRYPTO_HASH_FINALIZED Digest already called
                Error ERR_CRYPTO_HASH_FINALIZED Digest already called
                TypeError ERR_CRYPTO_INVALID_DIGEST Invalid digest: nope
                TypeError ERR_INVALID_ARG_TYPE The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received undefined
                Error ERR_CRYPTO_HASH_FINALIZED Digest already called
                Error undefined Digest method nope is not supported
                TypeError ERR_INVALID_ARG_VALUE The argument 'outputEncoding' is invalid. Received 'bogus'
                RangeError ERR_OUT_OF_RANGE The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received -1
                TypeError ERR_INVALID_ARG_TYPE The "size" argument must be of type number. Received type string ('8')
                RangeError ERR_OUT_OF_RANGE The value of "max" is out of range. It must be greater than the value of "min" (10). Received 5
                TypeError ERR_INVALID_ARG_TYPE The "max" argument must be a safe integer. Received type number (1.5)
                RangeError ERR_OUT_OF_RANGE The value of "max" is out of range. It must be <= 281474976710655. Received 281_474_976_710_657
                RangeError ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH Input buffers must have the same byte length
                TypeError ERR_INVALID_ARG_TYPE The "buf1" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.
                RangeError ERR_OUT_OF_RANGE The value of "iterations" is out of range. It must be >= 1 && <= 2147483647. Received 0
                TypeError ERR_INVALID_ARG_TYPE The "digest" argument must be of type string. Received undefined
                TypeError ERR_CRYPTO_INVALID_DIGEST Invalid digest: nope
                TypeError ERR_INVALID_ARG_TYPE The "callback" argument must be of type function. Received undefined
                "" 0
                """);
    }

    /** PBKDF2: RFC 6070's SHA-1 vectors (4096 rounds, a key of more than one block), SHA-512 with buffer inputs, an
     * empty key, and the callback form, which answers on a later turn. */
    @Test
    void pbkdf2_givesTheRfc6070ValuesAndCallsBackLater() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const crypto = require('crypto');
                console.log(crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1').toString('hex'));
                console.log(crypto.pbkdf2Sync('passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25, 'sha1').toString('hex'));
                console.log(crypto.pbkdf2Sync(Buffer.from('pw'), new Uint8Array([1, 2, 3]), 3, 100, 'SHA512').toString('base64'));
                console.log(crypto.pbkdf2Sync('pw', 'salt', 1, 0, 'sha256').length);
                crypto.pbkdf2('password', 'salt', 2, 32, 'sha256', (err, key) => console.log('callback', err, key.toString('hex')));
                console.log('before the callback');
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                4b007901b765489abead49d926f721d065a429c1
                3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038
                JUMiceKk1KAtYDWvg+rMJrASa7n+TQOGNAvTVzvNjbouYa2eJOfyOiQddyJ3SrEzrVjAZjNddyyax/NV1yUUQhpYYcOADhWafS9O/IV/hGACiz2uw9YyTWX+ZS68+LEDC2bhCA==
                0
                before the callback
                callback null ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43
                """);
    }

    /** Random values: sizes, types, UUID version and variant, randomInt's range, callbacks on a later turn,
     * timingSafeEqual and the sorted list of hashes (no random value is printed). */
    @Test
    void randomValues_haveNodesShapes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const crypto = require('crypto');
                const bytes = crypto.randomBytes(100000);
                console.log(Buffer.isBuffer(bytes), bytes.length, new Set(bytes).size > 200, crypto.randomBytes(0).length);
                crypto.randomBytes(16, (err, buf) => {
                  console.log('callback', err, buf.length);
                  });
                console.log('after randomBytes');
                const uuid = crypto.randomUUID();
                console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid), uuid !== crypto.randomUUID());
                const ints = Array.from({ length: 1000 }, () => crypto.randomInt(3, 7));
                console.log(Math.min(...ints), Math.max(...ints), new Set(ints).size, Number.isInteger(crypto.randomInt(2 ** 40)));
                console.log(crypto.getRandomValues(new Uint32Array(4)).length);
                console.log(crypto.timingSafeEqual(Buffer.from('secret'), Buffer.from('secret')), crypto.timingSafeEqual(Buffer.from('secret'), Buffer.from('secreT')), crypto.timingSafeEqual(new Uint16Array([1]), new Uint8Array([1, 0])));
                const hashes = crypto.getHashes();
                console.log(hashes.includes('sha256'), JSON.stringify(hashes.slice(0, 3)), JSON.stringify([...hashes].sort()) === JSON.stringify(hashes));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                true 100000 true 0
                after randomBytes
                true true
                3 6 4 true
                4
                true false true
                true ["RSA-MD5","RSA-RIPEMD160","RSA-SHA1"] true
                callback null 16
                """);
    }

    /** Inputs longer than the 1 MiB the host hashes a call: a 3 MiB Buffer and a view into it, a 1.5 MB string, an
     * HMAC key and a PBKDF2 password longer than a piece (hashed first, as HMAC does). */
    @Test
    void largeInputs_hashInPiecesAsOneWhole() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const crypto = require('crypto');
                const big = Buffer.alloc(3 * 1024 * 1024 + 5);
                for (let i = 0; i < big.length; i++) big[i] = i % 251;
                console.log(crypto.createHash('sha256').update(big).digest('hex'));
                console.log(crypto.createHash('sha1').update(big.subarray(7)).digest('hex'));
                console.log(crypto.createHash('md5').update('€'.repeat(500000)).digest('hex'));
                console.log(crypto.createHmac('sha256', big).update('data').digest('hex'));
                console.log(crypto.pbkdf2Sync(big, 'salt', 2, 16, 'sha256').toString('hex'));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                b01669d77761c4dfdfc8fb927821087bcf5c9ef1f917c4f1f8504e529f19edab
                12a0609b97593941e9c197ff0f26a7072386aa37
                e78bdb22015989678f7d60e438fa1375
                4ed72e21f11b364406961cdc05b0dc397b64ac767eb9433ecb0824d22dbd4150
                9dbc0bc4ddcce504bd7ebf2b9de1cda4
                """);
    }

    /** What node lists and the sandbox has not: md5-sha1 alone. */
    @Test
    void getHashes_listsNodesHashesButMd5Sha1() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const hashes = require('crypto').getHashes();
                console.log(hashes.length, hashes.includes('md5-sha1'), hashes.includes('RSA-SHA512/256'));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("51 false true\n");
    }
}
