package io.harmattan.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The enums write exactly the codes the columns held before them, so that they changed no data. */
class BriefingCodesTest {

    @Test
    void statusIsStoredAsItsLowerCaseCode() {
        BriefingStatus.Column column = new BriefingStatus.Column();
        assertThat(Arrays.stream(BriefingStatus.values()).map(column::convertToDatabaseColumn))
                .containsExactly("draft", "published", "archived");
        assertThat(column.convertToEntityAttribute("archived")).isEqualTo(BriefingStatus.ARCHIVED);
        assertThatThrownBy(() -> column.convertToEntityAttribute("deleted")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tlpIsStoredAsTheUpperCaseCodeV8ChecksAndReadInAnyCase() {
        Tlp.Column column = new Tlp.Column();
        assertThat(Arrays.stream(Tlp.values()).map(column::convertToDatabaseColumn))
                .containsExactly("CLEAR", "GREEN", "AMBER", "RED");
        assertThat(column.convertToEntityAttribute("AMBER")).isEqualTo(Tlp.AMBER);
        assertThat(column.convertToEntityAttribute("red")).isEqualTo(Tlp.RED);
        assertThatThrownBy(() -> column.convertToEntityAttribute("PURPLE")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEditorAcceptsExactlyTheCodesItOffers() {
        assertThat(Tlp.ofCode("GREEN")).contains(Tlp.GREEN);
        assertThat(Tlp.ofCode("green")).isEmpty();
        assertThat(Tlp.ofCode(null)).isEmpty();
        assertThat(Arrays.stream(Tlp.values()).filter(Tlp::exportable)).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
    }
}
