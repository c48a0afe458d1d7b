package io.sandlot.internal.lang;

import io.sandlot.GuestError;
import io.sandlot.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

/**
 * Turns a {@link PolyglotException} into the guest's error as data. Every part of it can come from the guest (a
 * thrown object's name, an exception class renamed at run time, a function or file name given to {@code compile}),
 * so each is capped, whatever the guest does: the type at {@value #MAX_TYPE} characters, the message at
 * {@value #MAX_MESSAGE}, and the stack at {@value #MAX_FRAMES} frames of about {@value #MAX_FRAME} each. What is
 * linked to it, its notes and the errors it was raised from or while handling (each capped so, an error's notes at
 * {@value #MAX_NOTES} of {@value #MAX_NOTE} characters), share {@value #MAX_CHAIN_CHARS} characters: the notes come
 * first, then the chain, newest first, up to the first error that does not fit or the {@value #MAX_CAUSES}th.
 */
public final class GuestErrors {

    static final int MAX_TYPE = 256;
    static final int MAX_MESSAGE = 8192;
    static final int MAX_FRAMES = 64;
    static final int MAX_FRAME = 512;
    static final int MAX_NOTES = 32;
    static final int MAX_NOTE = 2048;
    static final int MAX_CAUSES = 8;
    static final int MAX_CHAIN_CHARS = 16_384;
    /** How many parts of a thrown plain object are read to show it as the message. */
    static final int MAX_RECORD_NODES = 1_000;

    /** What GraalPy puts between a message made from a Java exception and that exception's stack. */
    private static final String JAVA_STACK = "\n\nJava stack trace:\n";
    /** A Java class name that heads a message, such as {@code java.lang.IllegalStateException: }. */
    private static final Pattern JAVA_CLASS_PREFIX =
            Pattern.compile("^(?:(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)?:(?: |$))+");

    private GuestErrors() {
    }

    /**
     * @param dialect the guest's language; the name of its submitted source identifies the frames that give the
     *     error's line
     */
    public static GuestError of(PolyglotException e, Dialect dialect) {
        String fullType = type(e, dialect);
        String message = capped(thrownRecord(e, fullType, dialect).orElseGet(() -> message(e, fullType)),
                MAX_MESSAGE);
        String type = capped(fullType, MAX_TYPE);
        List<String> stack = new ArrayList<>();
        Integer line = dialect.traceback(e, stack);
        if (stack.isEmpty()) {
            line = polyglotFrames(e, dialect.sourceName(), stack);
        }
        if (line == null) {
            SourceSection location = e.getSourceLocation();
            if (location != null && dialect.sourceName().equals(location.getSource().getName()) && location.hasLines()) {
                line = location.getStartLine();
            }
        }
        Value guest = e.getGuestObject();
        if (guest == null || guest.isNull() || e.isExit() || e.isSyntaxError() || e.isInternalError()
                || e.isHostException() || e.isCancelled() || e.isInterrupted() || e.isResourceExhausted()) {
            return new GuestError(type, message, line, stack);
        }
        Chain chain;
        try {
            chain = dialect.chain(guest);
        } catch (PolyglotException | IllegalStateException | UnsupportedOperationException | ClassCastException
                | IllegalArgumentException unreadable) {
            chain = Chain.NONE;   // not readable as data (the guest's own exotic objects); the error itself is
        }
        return linked(type, message, line, stack, chain);
    }

    /**
     * What a dialect links to a thrown error, before it is capped: the notes the guest added to it, and the errors
     * it was raised from or while handling, newest first.
     */
    public record Chain(List<String> notes, List<Link> causes) {
        static final Chain NONE = new Chain(List.of(), List.of());
    }

    /**
     * An error of a {@link Chain}: as {@link GuestError}, and {@code explicit} if the error after it in the chain
     * (the newer one) was raised from it rather than while handling it.
     */
    public record Link(String type, String message, Integer line, List<String> stack, List<String> notes,
            boolean explicit) {
    }

    /** The error with its chain's notes and causes, as many as {@link #MAX_CHAIN_CHARS} leave room for. */
    private static GuestError linked(String type, String message, Integer line, List<String> stack, Chain chain) {
        List<String> notes = fitting(chain.notes(), MAX_CHAIN_CHARS);
        int room = MAX_CHAIN_CHARS - length(notes);
        List<Link> kept = new ArrayList<>();
        for (Link link : chain.causes().subList(0, Math.min(chain.causes().size(), MAX_CAUSES))) {
            String linkType = capped(link.type(), MAX_TYPE);
            String linkMessage = capped(link.message(), MAX_MESSAGE);
            List<String> linkStack = link.stack().subList(0, Math.min(link.stack().size(), MAX_FRAMES));
            int size = linkType.length() + linkMessage.length() + length(linkStack);
            if (size > room) {
                break;
            }
            List<String> linkNotes = fitting(link.notes(), room - size);
            room -= size + length(linkNotes);
            kept.add(new Link(linkType, linkMessage, link.line(), linkStack, linkNotes, link.explicit()));
        }
        GuestError.Cause cause = null;
        for (Link link : kept.reversed()) {
            cause = new GuestError.Cause(new GuestError(link.type(), link.message(), link.line(), link.stack(),
                    link.notes(), cause), link.explicit());
        }
        return new GuestError(type, message, line, stack, notes, cause);
    }

    /**
     * The first of {@code notes}, at most {@link #MAX_NOTES}, each capped at {@link #MAX_NOTE} characters, that fit
     * in {@code room}.
     */
    private static List<String> fitting(List<String> notes, int room) {
        List<String> fitting = new ArrayList<>();
        for (String note : notes.subList(0, Math.min(notes.size(), MAX_NOTES))) {
            String capped = capped(note, MAX_NOTE);
            if (capped.length() > room) {
                break;
            }
            room -= capped.length();
            fitting.add(capped);
        }
        return fitting;
    }

    private static int length(List<String> texts) {
        return texts.stream().mapToInt(String::length).sum();
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
                String name = dialect.errorName(guest);
                if (name != null) {
                    return name;
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

    /**
     * A plain object thrown as an error ({@code throw {code: 'E_CONFIG', field: 'port'}}, which node prints whole)
     * as its JSON form; its message would be only "Error". Empty for anything else, or an object that cannot be read
     * as data within {@link #MAX_RECORD_NODES} parts.
     */
    private static Optional<String> thrownRecord(PolyglotException e, String type, Dialect dialect) {
        Value guest = e.getGuestObject();
        if (!"Object".equals(type) || guest == null || guest.isNull() || !dialect.isRecord(guest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.write(GuestValues.toJava(guest, dialect, MAX_RECORD_NODES)));
        } catch (GuestValues.TooLargeException | PolyglotException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private static String message(PolyglotException e, String type) {
        if (e.isExit()) {
            return "exit status " + e.getExitStatus();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(type + ": ")) {
            message = message.substring(type.length() + 2);
        }
        return e.isInternalError() ? withoutJava(message) : withoutJavaStack(message);
    }

    /**
     * A guest exception's message without the Java stack GraalPy appends to the messages it makes from a Java
     * exception (as {@code hashlib.blake2b(digest_size=16)} does from the JDK's refusal), which names the host's
     * classes.
     */
    static String withoutJavaStack(String message) {
        int stack = message.indexOf(JAVA_STACK);
        return stack < 0 ? message : message.substring(0, stack).stripTrailing();
    }

    /**
     * The message of a fault of the language runtime, such as GraalPy failing one of its builtins, without what
     * belongs to the host: its first line only (the rest is a Java stack, with the sandbox's own classes in it), and
     * without the Java exception classes that head it.
     */
    static String withoutJava(String message) {
        int end = message.indexOf('\n');
        String first = end < 0 ? message : message.substring(0, end);
        String plain = JAVA_CLASS_PREFIX.matcher(first.strip()).replaceFirst("");
        return plain.isEmpty() ? "the language runtime failed on this operation" : plain;
    }

    static String frame(String rootName, String file, Integer line) {
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
