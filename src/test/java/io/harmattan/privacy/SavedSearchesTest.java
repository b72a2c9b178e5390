package io.harmattan.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which saved inbox searches name an erased person, and what is left of them. */
class SavedSearchesTest {

    private static final Set<String> PERSON = Set.of("aminata traoré", "a.traore@sahel-gold.test");

    @Test
    void aSearchHoldingTheNameOrAddressLosesItsTextAndKeepsItsFilters() {
        assertThat(SavedSearches.withoutSearch("?status=new&q=Aminata+Traor%C3%A9&sort=oldest", PERSON))
                .isEqualTo("?status=new&sort=oldest");
        assertThat(SavedSearches.withoutSearch("?q=A.Traore%40sahel-gold.test", PERSON)).isEmpty();
        assertThat(SavedSearches.withoutSearch("?country=ML&q=call+aminata+traor%C3%A9+back", PERSON)).isEqualTo("?country=ML");
    }

    @Test
    void partOfTheNameCountsButPartOfTheAddressOrAnotherWordDoesNot() {
        assertThat(SavedSearches.withoutSearch("?q=traor%C3%A9", PERSON)).isEmpty();
        assertThat(SavedSearches.withoutSearch("?q=sahel-gold", PERSON)).isEqualTo("?q=sahel-gold");
        assertThat(SavedSearches.withoutSearch("?status=new&q=gold+mine", PERSON)).isEqualTo("?status=new&q=gold+mine");
        assertThat(SavedSearches.withoutSearch("?q=tr", PERSON)).as("too short to name anyone").isEqualTo("?q=tr");
        assertThat(SavedSearches.withoutSearch("?status=new&sort=oldest", PERSON)).isEqualTo("?status=new&sort=oldest");
    }

    @Test
    void aMalformedEncodingIsComparedAsWritten() {
        assertThat(SavedSearches.withoutSearch("?q=%ZZtraor%C3%A9", PERSON)).isEqualTo("?q=%ZZtraor%C3%A9");
    }
}
