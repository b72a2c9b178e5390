package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "=1+1|'=1+1",
            "~  =HYPERLINK(\"http://evil.test\")~|\"'  =HYPERLINK(\"\"http://evil.test\"\")\"",
            "@SUM(A1)|'@SUM(A1)",
            "-2+3 needs|'-2+3 needs",
            "+1|'+1",
            "+226 70 12 34 56|~ +226 70 12 34 56~",
            "~  +223 20 00 00 00~|~ +223 20 00 00 00~",
            "(+226) 70-12-34-56|(+226) 70-12-34-56",
            "Niamey, Niger|\"Niamey, Niger\"",
            "plain|plain"})
    void formulasStayTextAndPhoneNumbersReadAsTyped(String value, String cell) {
        assertThat(Csv.cell(value)).isEqualTo(cell);
    }
}
