package io.sandlot.cli;

import io.sandlot.Artifact;
import io.sandlot.ExecutionResult;
import io.sandlot.Output;
import io.sandlot.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run --out DIR}: what an execution handed back, as files in a host folder. Each artifact (a file the guest
 * wrote under {@code /work/out/}) goes to the same path under the folder; each display output and chart to
 * {@code output-N.EXT}, N counting from 1 in the order the guest showed them, in its richest representation (an SVG
 * chart as {@code .svg}, a PNG as {@code .png}, HTML as {@code .html}, JSON as {@code .json}, else its text as
 * {@code .txt}). Existing files of those names are replaced; nothing else in the folder is touched.
 */
final class OutDirectory {

    /** The file extension of each mime type an output is saved as (the first of its bundle's that is here). */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/svg+xml", "svg"), Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"),
            Map.entry("image/gif", "gif"), Map.entry("text/html", "html"), Map.entry("text/markdown", "md"),
            Map.entry("text/latex", "tex"), Map.entry("text/csv", "csv"), Map.entry("application/json", "json"),
            Map.entry(Output.TEXT_PLAIN, "txt"));
    private static final Set<String> BASE64 = Set.of("image/png", "image/jpeg", "image/gif");

    private final Path folder;

    private OutDirectory(Path folder) {
        this.folder = folder;
    }

    /**
     * The folder, made now if missing, so that a folder that cannot be written fails the command before the script
     * runs, not after.
     *
     * @throws IllegalArgumentException if it cannot be made or is not a writable folder
     */
    static OutDirectory prepare(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + folder + ": cannot make the folder: " + e, e);
        }
        if (!Files.isWritable(absolute)) {
            throw new IllegalArgumentException("--out " + folder + ": the folder is not writable");
        }
        return new OutDirectory(absolute);
    }

    /**
     * Writes the result's artifacts and outputs; returns the names written, relative to the folder.
     *
     * @throws IOException if a file cannot be written
     */
    List<String> save(ExecutionResult result) throws IOException {
        List<String> written = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Artifact artifact : result.artifacts()) {
            byte[] content = artifact.content().orElse(null);
            if (content != null) {
                write(artifact.name(), content);
                written.add(artifact.name());
                taken.add(artifact.name());
            }
        }
        int number = 0;
        for (Output output : result.outputs()) {
            number++;
            String mime = richest(output);
            String name = "output-" + number + "." + extension(mime);
            for (int again = 2; taken.contains(name); again++) {
                name = "output-" + number + "-" + again + "." + extension(mime);
            }
            write(name, bytes(mime, output.data().get(mime)));
            written.add(name);
            taken.add(name);
        }
        return written;
    }

    /** The first of the bundle's types that saves as a file of its own kind, else text/plain. */
    private static String richest(Output output) {
        for (String mime : output.mimeTypes()) {
            if (EXTENSIONS.containsKey(mime) || mime.endsWith("+json")) {
                return mime;
            }
        }
        return Output.TEXT_PLAIN;
    }

    private static String extension(String mime) {
        return EXTENSIONS.getOrDefault(mime, "json");   // application/*+json, such as a Vega-Lite spec
    }

    private static byte[] bytes(String mime, Object representation) {
        if (BASE64.contains(mime) && representation instanceof String base64) {
            return Base64.getMimeDecoder().decode(base64);
        }
        String text = representation instanceof String string && !mime.endsWith("json") ? string
                : Json.write(representation);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes under the folder only: a name that would lead elsewhere is refused (names come from the guest). */
    private void write(String name, byte[] content) throws IOException {
        Path target = folder.resolve(name).normalize();
        if (name.startsWith("/") || !target.startsWith(folder) || target.equals(folder)) {
            throw new IOException("refusing to write '" + name + "' outside " + folder);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }
}
