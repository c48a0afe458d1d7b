package io.sandlot.internal.exec;

import io.sandlot.GuestError;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * Turns a {@link PolyglotException} into the guest's error as data. Every part of it can come from the guest (a
 * thrown object's name, an exception class renamed at run time, a function or file name given to {@code compile}),
 * so each is capped, whatever the guest does: the type at {@value #MAX_TYPE} characters, the message at
 * {@value #MAX_MESSAGE}, and the stack at {@value #MAX_FRAMES} frames of about {@value #MAX_FRAME} each.
 */
final class GuestErrors {

    static final int MAX_TYPE = 256;
    static final int MAX_MESSAGE = 8192;
    static final int MAX_FRAMES = 64;
    static final int MAX_FRAME = 512;

    private GuestErrors() {
    }

    /**
     * @param dialect the guest's language; the name of its submitted source identifies the frames that give the
     *     error's line
     */
    static GuestError of(PolyglotException e, Dialect dialect) {
        String type = type(e, dialect);
        String message = capped(message(e, type), MAX_MESSAGE);
        type = capped(type, MAX_TYPE);
        List<String> stack = new ArrayList<>();
        Integer line = dialect == Dialect.PYTHON && !e.isSyntaxError()
                ? pythonTraceback(e.getGuestObject(), dialect.sourceName(), stack) : null;
        if (stack.isEmpty()) {
            line = polyglotFrames(e, dialect.sourceName(), stack);
        }
        if (line == null) {
            SourceSection location = e.getSourceLocation();
            if (location != null && dialect.sourceName().equals(location.getSource().getName()) && location.hasLines()) {
                line = location.getStartLine();
            }
        }
        return new GuestError(type, message, line, stack);
    }

    /** Frames from the polyglot stack trace; the line of the innermost frame in the submitted code. */
    private static Integer polyglotFrames(PolyglotException e, String sourceName, List<String> stack) {
        Integer line = null;
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (!frame.isGuestFrame()) {
                continue;
            }
            SourceSection location = frame.getSourceLocation();
            boolean ours = location != null && sourceName.equals(location.getSource().getName());
            if (line == null && ours && location.hasLines()) {
                line = location.getStartLine();
            }
            if (stack.size() < MAX_FRAMES) {
                stack.add(frame(frame.getRootName(), location == null ? null : location.getSource().getName(),
                        location != null && location.hasLines() ? location.getStartLine() : null));
            }
        }
        return line;
    }

    /**
     * Frames from a Python exception's {@code __traceback__}, which, unlike the polyglot frames (they give the
     * start of each function), has the line being executed in each frame.
     */
    private static Integer pythonTraceback(Value exception, String sourceName, List<String> stack) {
        if (exception == null || !exception.hasMember("__traceback__")) {
            return null;
        }
        try {
            List<String> outermostFirst = new ArrayList<>();
            Integer line = null;
            Value tb = exception.getMember("__traceback__");
            for (int depth = 0; tb != null && !tb.isNull() && depth < 10_000; depth++) {
                Value code = tb.getMember("tb_frame").getMember("f_code");
                String file = code.getMember("co_filename").asString();
                int lineNumber = tb.getMember("tb_lineno").asInt();
                if (sourceName.equals(file)) {
                    line = lineNumber;
                }
                outermostFirst.add(frame(code.getMember("co_name").asString(), file, lineNumber));
                tb = tb.getMember("tb_next");
            }
            for (int i = outermostFirst.size() - 1; i >= 0 && stack.size() < MAX_FRAMES; i--) {
                stack.add(outermostFirst.get(i));
            }
            return line;
        } catch (RuntimeException unreadable) {
            stack.clear();
            return null;
        }
    }

    private static String type(PolyglotException e, Dialect dialect) {
        if (e.isExit()) {
            return "SystemExit";
        }
        if (e.isSyntaxError()) {
            return "SyntaxError";
        }
        if (e.isHostException()) {
            return "HostError";
        }
        if (e.isInternalError()) {
            return "InternalError";
        }
        Value guest = e.getGuestObject();
        if (guest != null && !guest.isNull()) {
            try {
                // A JS error names itself; a Python exception's "name" member is data (ImportError.name).
                Value name = dialect == Dialect.JS && guest.hasMember("name") ? guest.getMember("name") : null;
                if (name != null && name.isString()) {
                    return name.asString();
                }
                Value meta = guest.getMetaObject();
                if (meta != null) {
                    return meta.getMetaSimpleName();
                }
            } catch (RuntimeException ignored) {
                // The guest object is not readable any more (context closed); fall through.
            }
        }
        return "Error";
    }

    private static String message(PolyglotException e, String type) {
        if (e.isExit()) {
            return "exit status " + e.getExitStatus();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(type + ": ")) {
            message = message.substring(type.length() + 2);
        }
        return message;
    }

    private static String frame(String rootName, String file, Integer line) {
        String name = rootName == null || rootName.isEmpty() ? "<module>" : capped(rootName, MAX_FRAME / 2);
        if (file == null) {
            return name;
        }
        return name + " (" + capped(file, MAX_FRAME / 2) + (line == null ? "" : ":" + line) + ")";
    }

    /**
     * {@code text} if it has at most {@code max} characters, else its first {@code max} characters (not splitting a
     * surrogate pair) followed by "...".
     */
    static String capped(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "...";
    }
}
