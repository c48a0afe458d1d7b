package io.sandlot.internal.lang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * The XML parsing behind the sandbox's {@code pyexpat} for Python guests (GraalPy 25.0.3 has no {@code pyexpat},
 * so {@code xml.etree.ElementTree}, {@code xml.dom.minidom}, {@code xml.sax} and {@code plistlib} cannot parse): the
 * JDK's own SAX parser reads a whole document and answers its events, which the Python side ({@link PythonDialect}'s
 * {@code pyexpat}) hands to the parser's handlers as expat would.
 *
 * <p>The parser reads nothing but the text it is given: no external entity, DTD or schema is fetched (an external
 * reference resolves to nothing), and the JDK's secure processing limits entity expansion, so neither a file, the
 * network nor a billion laughs can be reached through it. It runs on the guest's thread, under the guest's limits.
 *
 * <p>{@link #PARSE} takes {@code (text, isBytes, namespaceSeparator)}: the document as a string (bytes as Latin-1,
 * one char a byte, decoded as its declaration says), and the separator of namespace URI and local name, or null for
 * a parser that does not process namespaces. It answers a list of events, each a list whose first item names it:
 * {@code ["start", name, [attribute, value, ...]]}, {@code ["end", name]}, {@code ["data", text]},
 * {@code ["comment", text]}, {@code ["pi", target, data]}, {@code ["start-ns", prefix, uri]}, {@code ["end-ns",
 * prefix]}, {@code ["start-cdata"]}, {@code ["end-cdata"]}, {@code ["doctype", name, systemId, publicId]},
 * {@code ["end-doctype"]}, {@code ["skipped", entityName]} (an external entity, not read),
 * and last, if the document is not well-formed, {@code ["error", code, line, column]} with expat's error code.
 */
final class PythonXml {

    /** Parses a document; see the class comment. */
    static final ProxyExecutable PARSE = PythonXml::parse;

    // expat's error codes (xml.parsers.expat.errors) for what the JDK's parser reports
    private static final int SYNTAX_ERROR = 2;
    private static final int NO_ELEMENTS = 3;
    private static final int INVALID_TOKEN = 4;
    private static final int UNCLOSED_TOKEN = 5;
    private static final int TAG_MISMATCH = 7;
    private static final int DUPLICATE_ATTRIBUTE = 8;
    private static final int JUNK_AFTER_DOC_ELEMENT = 9;
    private static final int UNDEFINED_ENTITY = 11;
    private static final int MISPLACED_XML_PI = 17;
    private static final int UNBOUND_PREFIX = 27;
    private static final int AMPLIFICATION_LIMIT_BREACH = 43;

    private PythonXml() {
    }

    private static Object parse(Value... arguments) {
        if (arguments.length != 3 || !arguments[0].isString() || !arguments[1].isBoolean()) {
            return null;
        }
        String text = arguments[0].asString();
        String separator = arguments[2].isString() ? arguments[2].asString() : null;
        InputSource input = arguments[1].asBoolean()
                ? new InputSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))
                : new InputSource(new StringReader(text));
        Events events = new Events(separator);
        try {
            SAXParser parser = factory(separator != null).newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", events);
            parser.getXMLReader().setEntityResolver(events);
            parser.parse(input, events);
        } catch (SAXParseException e) {
            events.add("error", code(e.getMessage()), Math.max(1, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber() - 1));
        } catch (SAXException | IOException e) {
            events.add("error", SYNTAX_ERROR, 1, 0);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser refused its configuration", e);
        }
        return ProxyArray.fromList(events.list);
    }

    private static SAXParserFactory factory(boolean namespaces) throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(namespaces);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    /** Expat's code for what the JDK's parser says went wrong (its messages are in English: the JVM's locale). */
    private static int code(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("must be terminated by the matching end-tag")) {
            return TAG_MISMATCH;
        } else if (m.contains("premature end of file") || m.contains("must start and end within the same entity")) {
            return NO_ELEMENTS;
        } else if (m.contains("must be followed by either attribute specifications")) {
            return UNCLOSED_TOKEN;
        } else if (m.contains("following the root element must be well-formed")) {
            return JUNK_AFTER_DOC_ELEMENT;
        } else if (m.contains("was already specified for element")) {
            return DUPLICATE_ATTRIBUTE;
        } else if (m.contains("was referenced, but not declared")) {
            return UNDEFINED_ENTITY;
        } else if (m.contains("processing instruction target matching \"[xx][mm][ll]\"")) {
            return MISPLACED_XML_PI;
        } else if (m.contains("entity expansions") || m.contains("size of entities") || m.contains("jaxp0001")) {
            return AMPLIFICATION_LIMIT_BREACH;
        } else if (m.contains("content is not allowed in prolog")) {
            return SYNTAX_ERROR;
        } else if (m.contains("is not bound")) {
            return UNBOUND_PREFIX;
        }
        return INVALID_TOKEN;
    }

    /** Collects the document's events, resolves every external reference to nothing. */
    private static final class Events extends DefaultHandler2 {
        final List<Object> list = new ArrayList<>();
        private final String separator;
        private final StringBuilder text = new StringBuilder();

        Events(String separator) {
            this.separator = separator;
        }

        void add(Object... event) {
            flushText();
            list.add(ProxyArray.fromArray(event));
        }

        private void flushText() {
            if (!text.isEmpty()) {
                list.add(ProxyArray.fromArray("data", text.toString()));
                text.setLength(0);
            }
        }

        private String name(String uri, String localName, String qualifiedName) {
            if (separator == null) {
                return qualifiedName;
            }
            return uri == null || uri.isEmpty() ? localName : uri + separator + localName;
        }

        @Override
        public void startElement(String uri, String localName, String qualifiedName, Attributes attributes) {
            Object[] pairs = new Object[attributes.getLength() * 2];
            for (int i = 0; i < attributes.getLength(); i++) {
                pairs[2 * i] = name(attributes.getURI(i), attributes.getLocalName(i), attributes.getQName(i));
                pairs[2 * i + 1] = attributes.getValue(i);
            }
            add("start", name(uri, localName, qualifiedName), ProxyArray.fromArray(pairs));
        }

        @Override
        public void endElement(String uri, String localName, String qualifiedName) {
            add("end", name(uri, localName, qualifiedName));
        }

        @Override
        public void characters(char[] chars, int start, int length) {
            text.append(chars, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] chars, int start, int length) {
            text.append(chars, start, length);
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            add("start-ns", prefix == null || prefix.isEmpty() ? null : prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) {
            add("end-ns", prefix == null || prefix.isEmpty() ? null : prefix);
        }

        @Override
        public void processingInstruction(String target, String data) {
            add("pi", target, data == null ? "" : data);
        }

        @Override
        public void comment(char[] chars, int start, int length) {
            add("comment", new String(chars, start, length));
        }

        @Override
        public void startCDATA() {
            add("start-cdata");
        }

        @Override
        public void endCDATA() {
            add("end-cdata");
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) {
            add("doctype", name, systemId, publicId);
        }

        /** An external entity, which is never read: expat hands it to the default handler (ElementTree refuses it). */
        @Override
        public void skippedEntity(String name) {
            if (!name.startsWith("%")) {
                add("skipped", name);
            }
        }

        @Override
        public void endDTD() {
            add("end-doctype");
        }

        @Override
        public void endDocument() {
            flushText();
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId) {
            return new InputSource(new StringReader(""));
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }

        @Override
        public InputSource getExternalSubset(String name, String baseUri) {
            return null;
        }
    }
}
