package io.harmattan.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationKeyTest {

    @ParameterizedTest
    @CsvSource({
            "'Société Minière du Liptako S.A.', societe miniere du liptako",
            "'SOCIETE MINIERE DU LIPTAKO',       societe miniere du liptako",
            "'Sahel Gold Resources Ltd.',        sahel gold resources",
            "'sahel-gold   resources',           sahel gold resources",
            "'Banque Atlantique SARL',           banque atlantique",
            "'SA',                               sa"})
    void differentWritingsOfOneOrganisationGiveOneKey(String organisation, String key) {
        assertThat(OrganisationKey.of(organisation)).isEqualTo(key);
    }
}
