package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedWordsTest {

    private static PublishedWords index() {
        Map<Long, String[]> words = new LinkedHashMap<>();
        words.put(3L, PublishedWords.wordsOf("Mali : délestages à Bamako", "Power cuts in the capital", null, "**Fuel** imports"));
        words.put(7L, PublishedWords.wordsOf("Burkina Faso: gold mining", "L'or et la montée de l'État", "Mining code, 2023."));
        words.put(9L, PublishedWords.wordsOf("Niger: uranium", "Somaïr", "The code minier of Niger"));
        return PublishedWords.of(words);
    }

    @Test
    void eachWordBeginsAWordOfTheBriefingWhateverItsCaseAndAccents() {
        assertThat(index().holdingAll(List.of("delestages"))).containsExactly(3L);
        assertThat(index().holdingAll(List.of("DÉLEST"))).containsExactly(3L);
        assertThat(index().holdingAll(List.of("etat"))).containsExactly(7L);
        assertThat(index().holdingAll(List.of("somair"))).containsExactly(9L);
        assertThat(index().holdingAll(List.of("fuel"))).containsExactly(3L);
    }

    @Test
    void everyWordMustBeHeldAndOnlyAtTheStartOfAWord() {
        assertThat(index().holdingAll(List.of("code", "mini"))).containsExactlyInAnyOrder(7L, 9L);
        assertThat(index().holdingAll(List.of("code", "uran"))).containsExactly(9L);
        assertThat(index().holdingAll(List.of("code", "bamako"))).isEmpty();
        assertThat(index().holdingAll(List.of("ining"))).isEmpty();
        assertThat(index().holdingAll(List.of("zzz"))).isEmpty();
        assertThat(PublishedWords.EMPTY.holdingAll(List.of("mali"))).isEmpty();
    }
}
