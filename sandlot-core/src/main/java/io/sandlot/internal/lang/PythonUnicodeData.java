package io.sandlot.internal.lang;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.util.Locale;
import java.util.StringJoiner;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The parts of Python's {@code unicodedata} that GraalPy 25.0.3 answers only from its native module, which a sandboxed
 * context cannot load: {@code combining}, {@code decomposition}, {@code east_asian_width}, {@code mirrored},
 * {@code numeric}, {@code digit}, {@code decimal} and {@code lookup}. Without them the idiom that strips accents
 * ({@code unicodedata.combining} over an NFKD form) and every width computation fail with
 * {@code ModuleNotFoundError}. They are answered here from ICU4J's Unicode 16 data, the version GraalPy's own
 * {@code name}, {@code category} and {@code normalize} use (and that its {@code unidata_version} reports), in
 * CPython's formats.
 *
 * <p>{@link #QUERY} is what the Python side ({@link PythonDialect}'s import patches) calls: {@code (property, code
 * point)}, or {@code ("lookup", name)}. It answers {@code null} where CPython has no value (the Python side raises
 * CPython's error or returns the default) and for any argument it does not expect, so a guest that calls it directly
 * learns nothing but Unicode data. It holds no state and is shared by every context.
 */
final class PythonUnicodeData {

    /** The query the Python side calls; see the class comment. */
    static final ProxyExecutable QUERY = PythonUnicodeData::query;

    /** CPython's longest accepted name (the Python side refuses longer ones with CPython's error). */
    private static final int NAME_MAX_LENGTH = 256;

    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final int HANGUL_FIRST = 0xAC00;
    private static final int HANGUL_LAST = 0xD7A3;
    /** CPython's tags for the compatibility decomposition types, indexed by ICU's {@code DecompositionType}. */
    private static final String[] DECOMPOSITION_TAGS = tags();
    /** CPython's names for the East Asian widths, indexed by ICU's {@code EastAsianWidth}. */
    private static final String[] WIDTHS = {"N", "A", "H", "F", "Na", "W"};

    private PythonUnicodeData() {
    }

    private static Object query(Value... arguments) {
        if (arguments.length != 2 || !arguments[0].isString()) {
            return null;
        }
        String property = arguments[0].asString();
        Value argument = arguments[1];
        if (property.equals("lookup")) {
            return argument.isString() ? lookup(argument.asString()) : null;
        }
        if (!argument.fitsInInt()) {
            return null;
        }
        int codePoint = argument.asInt();
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
            return null;
        }
        return switch (property) {
            case "combining" -> UCharacter.getCombiningClass(codePoint);
            case "decomposition" -> decomposition(codePoint);
            case "east_asian_width" -> WIDTHS[UCharacter.getIntPropertyValue(codePoint, UProperty.EAST_ASIAN_WIDTH)];
            case "mirrored" -> UCharacter.isMirrored(codePoint) ? 1 : 0;
            case "numeric" -> numeric(codePoint, UCharacter.NumericType.NUMERIC);
            case "digit" -> numeric(codePoint, UCharacter.NumericType.DIGIT);
            case "decimal" -> numeric(codePoint, UCharacter.NumericType.DECIMAL);
            default -> null;
        };
    }

    /**
     * CPython's form: the one-level mapping as upper-case hex code points, at least four digits each, after a tag
     * such as {@code <compat>} for a compatibility mapping; empty for none, and for Hangul syllables, whose mapping
     * is algorithmic (as CPython's data has none for them).
     */
    static String decomposition(int codePoint) {
        if (codePoint >= HANGUL_FIRST && codePoint <= HANGUL_LAST) {
            return "";
        }
        String canonical = NFD.getRawDecomposition(codePoint);
        String mapping = canonical != null ? canonical : NFKD.getRawDecomposition(codePoint);
        if (mapping == null) {
            return "";
        }
        StringJoiner out = new StringJoiner(" ");
        if (canonical == null) {
            out.add(DECOMPOSITION_TAGS[UCharacter.getIntPropertyValue(codePoint, UProperty.DECOMPOSITION_TYPE)]);
        }
        mapping.codePoints().forEach(c -> out.add(String.format("%04X", c)));
        return out.toString();
    }

    /**
     * The numeric value for {@code numeric}, {@code digit} or {@code decimal}: a character of numeric type
     * {@code Decimal} has all three, one of type {@code Digit} (superscripts, circled digits) the first two, one of
     * type {@code Numeric} (fractions, Roman numerals, CJK numerals) only the first. {@code null} where it has none.
     */
    private static Object numeric(int codePoint, int widestType) {
        int type = UCharacter.getIntPropertyValue(codePoint, UProperty.NUMERIC_TYPE);
        if (type == UCharacter.NumericType.NONE || type > widestType) {
            return null;
        }
        double value = UCharacter.getUnicodeNumericValue(codePoint);
        if (value == UCharacter.NO_NUMERIC_VALUE) {
            return null;
        }
        return widestType == UCharacter.NumericType.NUMERIC ? (Object) value : (Object) (int) value;
    }

    /** The character with this name or name alias, matched without regard to case as CPython does; else null. */
    static String lookup(String name) {
        if (name.length() > NAME_MAX_LENGTH) {
            return null;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        int codePoint = UCharacter.getCharFromName(upper);
        if (codePoint < 0) {
            codePoint = UCharacter.getCharFromNameAlias(upper);
        }
        return codePoint < 0 ? null : Character.toString(codePoint);
    }

    private static String[] tags() {
        String[] tags = new String[UCharacter.getIntPropertyMaxValue(UProperty.DECOMPOSITION_TYPE) + 1];
        tags[UCharacter.DecompositionType.COMPAT] = "<compat>";
        tags[UCharacter.DecompositionType.CIRCLE] = "<circle>";
        tags[UCharacter.DecompositionType.FINAL] = "<final>";
        tags[UCharacter.DecompositionType.FONT] = "<font>";
        tags[UCharacter.DecompositionType.FRACTION] = "<fraction>";
        tags[UCharacter.DecompositionType.INITIAL] = "<initial>";
        tags[UCharacter.DecompositionType.ISOLATED] = "<isolated>";
        tags[UCharacter.DecompositionType.MEDIAL] = "<medial>";
        tags[UCharacter.DecompositionType.NARROW] = "<narrow>";
        tags[UCharacter.DecompositionType.NOBREAK] = "<noBreak>";
        tags[UCharacter.DecompositionType.SMALL] = "<small>";
        tags[UCharacter.DecompositionType.SQUARE] = "<square>";
        tags[UCharacter.DecompositionType.SUB] = "<sub>";
        tags[UCharacter.DecompositionType.SUPER] = "<super>";
        tags[UCharacter.DecompositionType.VERTICAL] = "<vertical>";
        tags[UCharacter.DecompositionType.WIDE] = "<wide>";
        return tags;
    }
}
