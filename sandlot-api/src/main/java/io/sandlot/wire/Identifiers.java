package io.sandlot.wire;

import java.util.regex.Pattern;

/** The one rule for names the host puts into a guest's global scope: inputs, host functions, formula parameters. */
public final class Identifiers {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private Identifiers() {
    }

    /**
     * Returns {@code name} if it is an ASCII identifier (letters, digits, {@code _}, {@code $}; not starting with a
     * digit).
     *
     * @param what names the kind of name in the message, such as {@code "input name"}
     * @throws IllegalArgumentException otherwise
     */
    public static String require(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be an identifier, was '" + name + "'");
        }
        return name;
    }
}
