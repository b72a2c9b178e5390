package io.harmattan.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which saved inbox searches name an erased person, and what is left of them. */
class SavedSearchesTest {

    private static final SavedSearches.Person PERSON = SavedSearches.Person.of(List.of("Aminata Traoré"),
            List.of("A.Traore@sahel-gold.test"));

    @Test
    void aSearchHoldingTheNameOrAddressLosesItsTextAndKeepsItsFilters() {
        assertThat(SavedSearches.withoutSearch("?status=new&q=Aminata+Traor%C3%A9&sort=oldest", PERSON))
                .isEqualTo("?status=new&sort=oldest");
        assertThat(SavedSearches.withoutSearch("?q=a.traore%40SAHEL-GOLD.test", PERSON)).isEmpty();
        assertThat(SavedSearches.withoutSearch("?country=ML&q=call+aminata+back", PERSON)).isEqualTo("?country=ML");
    }

    @Test
    void theNameCountsInAnyOrderWithoutAccentsAndAlone() {
        for (String search : List.of("Traor%C3%A9+Aminata", "Aminata+Traore", "Traor%C3%A9%2C+Aminata", "traore+gold", "TRAORE")) {
            assertThat(SavedSearches.withoutSearch("?status=all&q=" + search, PERSON)).as(search).isEqualTo("?status=all");
        }
    }

    @Test
    void partOfANameOrOfAnAddressOrAnotherWordDoesNotCount() {
        for (String search : List.of("trao", "mina", "sahel-gold", "gold+mine", "tr", "%ZZtraor%C3%A9")) {
            assertThat(SavedSearches.withoutSearch("?q=" + search, PERSON)).as(search).isEqualTo("?q=" + search);
        }
        assertThat(SavedSearches.withoutSearch("?status=new&sort=oldest", PERSON)).isEqualTo("?status=new&sort=oldest");
    }

    @Test
    void aViewNamedAfterThePersonIsFound() {
        assertThat(PERSON.mentionedIn("Call Aminata back")).isTrue();
        assertThat(PERSON.mentionedIn("Mali mining, newest")).isFalse();
    }
}
