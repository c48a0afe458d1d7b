package io.sandlot.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuestErrorsTest {

    @Test
    void runtimeFault_keepsItsFirstLineWithoutJavaClassesOrStack() {
        String message = "java.lang.IllegalStateException: Creating threads is not allowed.\n"
                + "\tat io.sandlot.internal.exec.Execution.run(Execution.java:200)\n\tat java.base/java.lang.Thread.run";

        assertThat(GuestErrors.withoutJava(message)).isEqualTo("Creating threads is not allowed.");
        assertThat(GuestErrors.withoutJava("com.oracle.graal.python.X$Y: java.lang.IndexOutOfBoundsException: "
                + "index 3")).isEqualTo("index 3");
        assertThat(GuestErrors.withoutJava("digest_size must be 64 or less")).isEqualTo(
                "digest_size must be 64 or less");
        assertThat(GuestErrors.withoutJava("java.lang.NullPointerException: "))
                .isEqualTo("the language runtime failed on this operation");
    }

    @Test
    void guestExceptionMadeFromAJavaOne_losesTheJavaStack() {
        String message = "NoSuchAlgorithmException: BLAKE2B-16 MessageDigest not available\n\nJava stack trace:\n"
                + "java.security.NoSuchAlgorithmException: BLAKE2B-16 MessageDigest not available\n"
                + "\tat io.sandlot.internal.exec.Execution.run(Execution.java:212)\n";

        assertThat(GuestErrors.withoutJavaStack(message))
                .isEqualTo("NoSuchAlgorithmException: BLAKE2B-16 MessageDigest not available");
        assertThat(GuestErrors.withoutJavaStack("plain\n\nmessage")).isEqualTo("plain\n\nmessage");
    }
}
