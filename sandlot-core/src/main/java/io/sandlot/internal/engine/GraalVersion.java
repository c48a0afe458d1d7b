package io.sandlot.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.graalvm.polyglot.Engine;

/**
 * The GraalVM polyglot version, read from the polyglot jar's manifest: the Maven Central builds report
 * "Development Build" through {@code Engine.getVersion()}.
 */
public final class GraalVersion {

    private GraalVersion() {
    }

    /** The {@code Implementation-Version} of the jar holding {@link Engine}, else {@code fallback}. */
    public static String of(String fallback) {
        try {
            URL location = Engine.class.getProtectionDomain().getCodeSource().getLocation();
            try (InputStream in = location.openStream(); JarInputStream jar = new JarInputStream(in)) {
                Manifest manifest = jar.getManifest();
                String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
                return version != null ? version : fallback;
            }
        } catch (IOException | SecurityException | NullPointerException e) {
            return fallback;
        }
    }
}
