package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * node's {@code Buffer} (the global and {@code require('buffer')}): real programs, whose output is compared with
 * what node 20 prints for the same program run in an empty directory.
 */
class JsBufferTest {

    private static final Sandbox WRITABLE = SandboxExtension.FACTORY.newSandbox(Policy.newBuilder()
            .virtualFileSystem(1 << 20)
            .build());

    /** utf8, hex, base64, base64url, latin1 and ascii, both ways; byteLength and isEncoding. */
    @Test
    void encodings_roundTripAsNodes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const text = 'żółw € ok';
                const utf8 = Buffer.from(text);
                console.log(utf8.length, utf8.toString('hex'), utf8.toString('base64'), utf8.toString('base64url'));
                console.log(Buffer.from(utf8.toString('hex'), 'hex').toString(), Buffer.from('xbOzdw==', 'base64'));
                console.log(Buffer.from('_-8', 'base64url'), Buffer.from([0xfb, 0xff]).toString('base64url'));
                console.log(Buffer.from('café', 'latin1'), Buffer.from([0x63, 0x61, 0x66, 0xe9]).toString('latin1'));
                console.log(Buffer.byteLength(text), Buffer.byteLength('aGk', 'base64url'), Buffer.isEncoding('base64url'),
                  Buffer.isEncoding('UTF-8'), Buffer.isEncoding('nope'));
                console.log(Buffer.from('hi').toString('utf16le').length, Buffer.from('hi', 'ascii'), String(Buffer.from('ok')));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                14 c5bcc3b3c5827720e282ac206f6b xbzDs8WCdyDigqwgb2s= xbzDs8WCdyDigqwgb2s
                żółw € ok <Buffer c5 b3 b3 77>
                <Buffer ff ef> -_8
                <Buffer 63 61 66 e9> café
                14 2 true true false
                1 <Buffer 68 69> ok
                """);
    }

    /** concat; slice and subarray are views of the same memory; equals, compare, indexOf, fill, copy. */
    @Test
    void concatSliceAndCompare_shareMemoryAndOrderAsNodes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const a = Buffer.from('hello'), b = Buffer.from(' world');
                const joined = Buffer.concat([a, b]);
                console.log(joined.toString(), joined.length, Buffer.concat([a, b], 7).toString());
                const view = joined.subarray(0, 5), sliced = joined.slice(6);
                view[0] = 0x48;
                sliced.write('W');
                console.log(joined.toString(), view.toString(), sliced.toString(), view.buffer === joined.buffer);
                console.log(a.equals(Buffer.from('hello')), a.equals(b), Buffer.compare(a, b), a.compare(b), b.compare(a),
                  [Buffer.from('b'), Buffer.from('c'), Buffer.from('a')].sort(Buffer.compare).map(String));
                console.log(joined.indexOf('World'), joined.includes('xyz'), joined.indexOf(0x6f), Buffer.alloc(3, 'ab'));
                const copy = Buffer.alloc(5);
                a.copy(copy, 1, 0, 3);
                console.log(copy, Buffer.alloc(4).fill(7), Buffer.from(new Uint16Array([1, 256]).buffer));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                hello world 11 hello w
                Hello World Hello World true
                true false 1 1 -1 [ 'a', 'b', 'c' ]
                6 false 4 <Buffer 61 62 61>
                <Buffer 00 68 65 6c 00> <Buffer 07 07 07 07> <Buffer 01 00 00 01>
                """);
    }

    /** Fixed-size reads and writes at offsets, both byte orders; JSON of a Buffer; isBuffer and instanceof. */
    @Test
    void binaryReadsAndWrites_json_andTypes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const buf = Buffer.alloc(16);
                buf.writeUInt32LE(0xdeadbeef, 0);
                buf.writeInt16BE(-2, 4);
                buf.writeDoubleLE(Math.PI, 6);
                buf.writeUInt8(255, 14);
                console.log(buf);
                console.log(buf.readUInt32LE(0).toString(16), buf.readInt16BE(4), buf.readUInt16BE(4), buf.readDoubleLE(6),
                  buf.readUInt8(14), buf.readInt8(14), buf.readUInt32BE(0));
                const big = Buffer.alloc(8);
                big.writeBigUInt64BE(2n ** 63n + 5n);
                console.log(big.readBigUInt64BE(), big.readBigInt64BE(), big.readFloatBE(0));
                console.log(JSON.stringify(Buffer.from('hi')), JSON.stringify({ data: Buffer.from([1, 2]) }));
                const back = JSON.parse(JSON.stringify(Buffer.from('hi')));
                console.log(Buffer.from(back.data).toString(), Buffer.isBuffer(buf), Buffer.isBuffer(new Uint8Array(2)),
                  buf instanceof Uint8Array, buf instanceof Buffer, typeof Buffer, Buffer.name, buf.constructor.name);
                console.log([...Buffer.from('ab')], Array.from(Buffer.from('ab').entries()), Buffer.from('abc').reverse().toString());
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                <Buffer ef be ad de ff fe 18 2d 44 54 fb 21 09 40 ff 00>
                deadbeef -2 65534 3.141592653589793 255 -1 4022250974
                9223372036854775813n -9223372036854775803n -0
                {"type":"Buffer","data":[104,105]} {"data":{"type":"Buffer","data":[1,2]}}
                hi true false true true function Buffer Buffer
                [ 97, 98 ] [ [ 0, 97 ], [ 1, 98 ] ] cba
                """);
    }

    /** Node's error classes, codes and messages for the common misuses. */
    @Test
    void misuses_throwNodesErrors() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const error = (f) => {
                  try {
                    return f();
                  } catch (e) {
                    return `${e.name} ${e.code}: ${e.message}`;
                  }
                };
                for (const f of [
                  () => Buffer.from(42),
                  () => Buffer.from(undefined),
                  () => Buffer.from('x', 'klingon'),
                  () => Buffer.from('x').toString('klingon'),
                  () => Buffer.alloc('3'),
                  () => Buffer.concat('ab'),
                  () => Buffer.concat([Buffer.from('a'), 'b']),
                  () => Buffer.from('ab').equals('ab'),
                  () => Buffer.compare(Buffer.from('a'), 'a'),
                  () => Buffer.alloc(4).readUInt32LE(1),
                  () => Buffer.alloc(4).readUInt32LE(0.5),
                  () => Buffer.alloc(2).readUInt32BE(),
                  () => Buffer.alloc(4).writeInt16BE(1, 3),
                  () => Buffer.alloc(2).readInt8('0'),
                ]) console.log(error(f));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                TypeError ERR_INVALID_ARG_TYPE: The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received type number (42)
                TypeError ERR_INVALID_ARG_TYPE: The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received undefined
                TypeError ERR_UNKNOWN_ENCODING: Unknown encoding: klingon
                TypeError ERR_UNKNOWN_ENCODING: Unknown encoding: klingon
                TypeError ERR_INVALID_ARG_TYPE: The "size" argument must be of type number. Received type string ('3')
                TypeError ERR_INVALID_ARG_TYPE: The "list" argument must be an instance of Array. Received type string ('ab')
                TypeError ERR_INVALID_ARG_TYPE: The "list[1]" argument must be an instance of Buffer or Uint8Array. Received type string ('b')
                TypeError ERR_INVALID_ARG_TYPE: The "otherBuffer" argument must be an instance of Buffer or Uint8Array. Received type string ('ab')
                TypeError ERR_INVALID_ARG_TYPE: The "buf2" argument must be an instance of Buffer or Uint8Array. Received type string ('a')
                RangeError ERR_OUT_OF_RANGE: The value of "offset" is out of range. It must be >= 0 and <= 0. Received 1
                RangeError ERR_OUT_OF_RANGE: The value of "offset" is out of range. It must be an integer. Received 0.5
                RangeError ERR_BUFFER_OUT_OF_BOUNDS: Attempt to access memory outside buffer bounds
                RangeError ERR_OUT_OF_RANGE: The value of "offset" is out of range. It must be >= 0 and <= 2. Received 3
                TypeError ERR_INVALID_ARG_TYPE: The "offset" argument must be of type number. Received type string ('0')
                """);
    }

    /** The console prints a Buffer as node does, the first 50 bytes and how many more. */
    @Test
    void console_printsBuffersAsNode() {
        ExecutionResult result = SandboxExtension.run(JS, """
                console.log(Buffer.from('hi'), [Buffer.from([1])], { b: Buffer.alloc(0) });
                console.log(Buffer.alloc(51));
                console.log(Buffer.alloc(52, 0xab));
                console.log('%o', Buffer.from('a'));
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                <Buffer 68 69> [ <Buffer 01> ] { b: <Buffer > }
                <Buffer 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ... 1 more byte>
                <Buffer ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ab ... 2 more bytes>
                <Buffer 61>
                """);
    }

    /** require('buffer') and the global are one Buffer; the global is an accessor a script may set, as node's. */
    @Test
    void module_andGlobal_areNodes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const buffer = require('node:buffer');
                console.log(buffer.Buffer === Buffer, require('buffer') === buffer, typeof buffer.kMaxLength, buffer.INSPECT_MAX_BYTES,
                  buffer.atob === atob, buffer.isAscii(Buffer.from('abc')), buffer.isUtf8(Buffer.from([0xc3])), Buffer.poolSize);
                const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
                console.log(typeof descriptor.get, typeof descriptor.set, descriptor.enumerable, descriptor.configurable);
                Buffer = 'replaced';
                console.log(Buffer, typeof require('buffer').Buffer);
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                true true number 50 true true false 8192
                function function false true
                replaced function
                """);
    }

    /** fs writes a Buffer's bytes and reads a file without an encoding as a Buffer. */
    @Test
    void fs_readsBytesAsBuffers() {
        ExecutionResult result = WRITABLE.execute(JS, """
                const fs = require('fs');
                fs.writeFileSync('blob.bin', Buffer.from('00ff10', 'hex'));
                fs.writeFileSync('note.txt', Buffer.from('héllo'));
                const blob = fs.readFileSync('blob.bin'), note = fs.readFileSync('note.txt');
                console.log(blob, Buffer.isBuffer(blob), blob instanceof Buffer, note.toString(), fs.readFileSync('note.txt', 'base64url'));
                """, Map.of());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                <Buffer 00 ff 10> true true héllo aMOpbGxv
                """);
    }
}
