package io.sandlot.cli;

import io.sandlot.Status;

/** Maps a result's status to the process exit code documented in {@link Main}. */
final class ExitCodes {

    private ExitCodes() {
    }

    static int of(Status status) {
        if (status.isLimit()) {
            return Main.LIMIT;
        }
        return switch (status) {
            case OK -> Main.OK;
            case ERROR, DENIED -> Main.GUEST_ERROR;
            default -> Main.INTERNAL;
        };
    }
}
