package io.sandlot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeCommandTest {

    @Test
    void tokensFromEnv_splitsOnWhitespaceAndCommas() {
        assertThat(ServeCommand.tokensFromEnv(" a1, b2\n c3 ,,d4= ")).containsExactly("a1", "b2", "c3", "d4=");
    }

    @Test
    void tokensFromEnv_unsetOrBlank_givesNone() {
        assertThat(ServeCommand.tokensFromEnv(null)).isEmpty();
        assertThat(ServeCommand.tokensFromEnv(" \n")).isEmpty();
    }
}
