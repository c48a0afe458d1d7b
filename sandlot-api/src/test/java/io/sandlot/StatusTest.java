package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StatusTest {

    @ParameterizedTest
    @EnumSource(Status.class)
    void exitCode_followsWhatStoppedTheGuest(Status status) {
        int expected = status == Status.OK ? 0
                : status == Status.ERROR || status == Status.DENIED ? 1
                : status.isLimit() ? 3
                : 70;

        assertThat(status.exitCode()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void of_id_roundTrips(Status status) {
        assertThat(Status.of(status.id())).isSameAs(status);
    }
}
