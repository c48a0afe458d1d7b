package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource({"js, JS", "javascript, JS", "' JavaScript ', JS", "python, PYTHON", "py, PYTHON", "PY, PYTHON", "sql, SQL", "duckdb, SQL"})
    void of_idOrAlias_namesItsLanguage(String name, Language expected) {
        assertThat(Language.of(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void of_id_roundTrips(Language language) {
        assertThat(Language.of(language.id())).isEqualTo(language);
    }

    @org.junit.jupiter.api.Test
    void graalId_sql_throwsForItIsNoGraalLanguage() {
        assertThat(Language.SQL.isPolyglot()).isFalse();
        assertThat(Language.polyglot()).containsExactly(Language.JS, Language.PYTHON);
        assertThatThrownBy(Language.SQL::graalId).isInstanceOf(IllegalStateException.class)
                .hasMessage("sql is not a GraalVM language");
    }

    @org.junit.jupiter.api.Test
    void fromFileName_sql_isSql() {
        assertThat(Language.fromFileName("report.SQL")).contains(Language.SQL);
    }
}
