package io.sandlot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource({"js, JS", "javascript, JS", "' JavaScript ', JS", "python, PYTHON", "py, PYTHON", "PY, PYTHON"})
    void of_idOrAlias_namesItsLanguage(String name, Language expected) {
        assertThat(Language.of(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void of_id_roundTrips(Language language) {
        assertThat(Language.of(language.id())).isEqualTo(language);
    }
}
