package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr-FR,fr;q=0.9,en;q=0.8 | fr",
            "en-GB,en;q=0.9          | en",
            "de-DE,fr;q=0.5,en;q=0.4 | fr",
            "de-DE,de;q=0.9          | en",
            "en;q=0.1,fr;q=0.9       | fr",
            "'not a ;;; header'      | en"})
    void picksTheFirstSupportedLanguageOfTheHeader(String header, String expected) {
        assertThat(Locales.fromAcceptLanguage(header)).isEqualTo(expected);
    }

    @Test
    void noHeaderMeansEnglish() {
        assertThat(Locales.fromAcceptLanguage(null)).isEqualTo("en");
    }

    @ParameterizedTest
    @CsvSource({
            "/console, /console",
            "/interest?x=1, /interest?x=1",
            "//evil.example, /",
            "/\\evil.example, /",
            "https://evil.example, /",
            "evil, /"})
    void languageSwitchOnlyReturnsToAPathOnThisSite(String requested, String expected) {
        assertThat(LanguageResource.safeLocalPath(requested)).isEqualTo(expected);
    }
}
