package io.sandlot.internal.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandlot.Language;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DialectsTest {

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "SQL", mode = EnumSource.Mode.EXCLUDE)
    void of_everyLanguage_hasItsOwnDialect(Language language) {
        assertThat(Dialects.of(language).language()).isEqualTo(language);
    }

    @Test
    void all_isOneDialectPerLanguage() {
        Set<Language> languages = Dialects.all().stream().map(Dialect::language).collect(Collectors.toSet());

        assertThat(Dialects.all()).hasSize(Language.polyglot().size());
        assertThat(languages).containsExactlyInAnyOrderElementsOf(Language.polyglot());
    }

    @Test
    void sourceNames_areDistinct() {
        assertThat(Dialects.all().stream().map(Dialect::sourceName).distinct()).hasSize(Language.polyglot().size());
    }
}
