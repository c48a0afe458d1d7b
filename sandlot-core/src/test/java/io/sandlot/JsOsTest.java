package io.sandlot;

import static io.sandlot.Language.JS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * node's {@code os} ({@code node-os.js}): the sandbox's own machine, fixed, nothing of the host's; the memory is the
 * execution's memory limit.
 */
class JsOsTest {

    @Test
    void os_isTheSandboxesMachine_notTheHosts() throws Exception {
        ExecutionResult result = SandboxExtension.run(JS, """
                const os = require('os');
                console.log(os.hostname(), os.homedir(), os.tmpdir(), os.release(), os.version(), os.machine(),
                  os.cpus().length, os.availableParallelism(), os.cpus()[0].model, JSON.stringify(os.networkInterfaces()),
                  os.loadavg(), os.userInfo().username, os.userInfo().uid, os.totalmem() / 1024 / 1024);
                console.log(`${os.hostname}`, `${os.platform}`, require('node:os') === os);
                """, Limits.newBuilder().maxMemoryMb(300).build());

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                sandbox /work /tmp 6.1.0-sandlot #1 SMP Sandlot x86_64 1 1 Sandlot virtual CPU {} [ 0, 0, 0 ] sandbox 1000 300
                sandbox linux true
                """);
        String host = InetAddress.getLocalHost().getHostName();
        assertThat(result.stdout()).doesNotContain(host).doesNotContain(System.getProperty("user.name") + " ");
    }

    @Test
    void priorities_areCheckedAsNodes() {
        ExecutionResult result = SandboxExtension.run(JS, """
                const os = require('os');
                os.setPriority(5);
                console.log(os.getPriority(), os.getPriority(0));
                for (const bad of [() => os.setPriority(0, -21), () => os.setPriority('a', 1), () => os.getPriority(1.5),
                  () => os.setPriority(0, '1')]) {
                  try { bad(); } catch (e) { console.log(e.code, e.message); }
                }
                """);

        assertThat(result.status()).as(result.toJson()).isEqualTo(Status.OK);
        assertThat(result.stdout()).isEqualTo("""
                5 5
                ERR_OUT_OF_RANGE The value of "priority" is out of range. It must be >= -20 && <= 19. Received -21
                ERR_INVALID_ARG_TYPE The "pid" argument must be of type number. Received type string ('a')
                ERR_OUT_OF_RANGE The value of "pid" is out of range. It must be an integer. Received 1.5
                ERR_INVALID_ARG_TYPE The "priority" argument must be of type number. Received type string ('1')
                """);
    }
}
