package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every user-facing text exists in English and in French, and none is left empty. */
class MessageBundlesTest {

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @CsvSource({
            "/messages/msg_en.properties,      /messages/msg_fr.properties",
            "/messages/pm_en.properties,       /messages/pm_fr.properties",
            "/messages/list_en.properties,     /messages/list_fr.properties",
            "/messages/work_en.properties,     /messages/work_fr.properties",
            "/messages/task_en.properties,     /messages/task_fr.properties",
            "/messages/brief_en.properties,    /messages/brief_fr.properties",
            "/messages/site_en.properties,     /messages/site_fr.properties",
            "/messages/digest_en.properties,   /messages/digest_fr.properties",
            "/messages/dp_en.properties,       /messages/dp_fr.properties",
            "/messages/rep_en.properties,      /messages/rep_fr.properties",
            "/ValidationMessages.properties,   /ValidationMessages_fr.properties"})
    void everyKeyExistsInEnglishAndInFrench(String englishFile, String frenchFile) throws IOException {
        Properties english = load(englishFile);
        Properties french = load(frenchFile);
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messages/msg_en.properties", "/messages/msg_fr.properties", "/messages/pm_en.properties",
            "/messages/pm_fr.properties", "/messages/list_en.properties", "/messages/list_fr.properties",
            "/messages/brief_en.properties", "/messages/brief_fr.properties", "/messages/site_en.properties",
            "/messages/site_fr.properties", "/messages/work_en.properties", "/messages/work_fr.properties",
            "/messages/task_en.properties", "/messages/task_fr.properties",
            "/messages/digest_en.properties", "/messages/digest_fr.properties",
            "/messages/dp_en.properties", "/messages/dp_fr.properties",
            "/messages/rep_en.properties", "/messages/rep_fr.properties",
            "/ValidationMessages.properties",
            "/ValidationMessages_fr.properties"})
    void noMessageIsLeftEmpty(String file) throws IOException {
        Properties messages = load(file);
        messages.stringPropertyNames().forEach(key -> assertThat(messages.getProperty(key))
                .as(file + ":" + key).isNotBlank());
    }
}
