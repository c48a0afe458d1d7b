package io.sandlot.mcp;

import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.sandlot.Artifact;
import io.sandlot.Output;
import io.sandlot.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The display outputs and artifacts of a result as MCP contents, after the result's JSON: an image content for each
 * SVG, PNG, JPEG or GIF (SVG text base64-encoded), a text content for the other outputs (their most telling
 * representation) and for text artifacts (CSV, JSON, Markdown...). Other artifacts are only named in the JSON.
 */
final class ResultContents {

    private static final String SVG = "image/svg+xml";
    private static final Set<String> BASE64_IMAGES = Set.of("image/png", "image/jpeg", "image/gif");
    /** The representations an agent reads best, best first; text/plain is always there. */
    private static final List<String> TEXT_PREFERENCE = List.of("application/json", "text/markdown", "text/csv",
            "text/html", "text/latex", Output.TEXT_PLAIN);

    private ResultContents() {
    }

    /** The contents of {@code outputs}, in order. */
    static List<Content> of(List<Output> outputs) {
        List<Content> contents = new ArrayList<>();
        for (Output output : outputs) {
            contents.add(content(output.data()));
        }
        return contents;
    }

    /** The contents of the image and text artifacts, in order. */
    static List<Content> ofArtifacts(List<Artifact> artifacts) {
        List<Content> contents = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            if (artifact.contentBase64() == null) {
                continue;
            }
            String type = artifact.mimeType();
            if (type.equals(SVG) || BASE64_IMAGES.contains(type)) {
                contents.add(new ImageContent(null, artifact.contentBase64(), type));
            } else if (type.startsWith("text/") || type.equals("application/json")) {
                String text = new String(artifact.content().orElseThrow(), StandardCharsets.UTF_8);
                contents.add(new TextContent(artifact.name() + ":\n" + text));
            }
        }
        return contents;
    }

    private static Content content(Map<String, Object> data) {
        if (data.get(SVG) instanceof String svg) {
            return new ImageContent(null, Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
                    SVG);
        }
        for (String type : BASE64_IMAGES) {
            if (data.get(type) instanceof String base64) {
                return new ImageContent(null, base64, type);
            }
        }
        for (String type : TEXT_PREFERENCE) {
            if (data.containsKey(type)) {
                Object value = data.get(type);
                return new TextContent(value instanceof String text ? text : Json.write(value));
            }
        }
        return new TextContent(String.valueOf(data.get(Output.TEXT_PLAIN)));
    }
}
