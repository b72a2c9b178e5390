package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static Properties bundle(String language) throws IOException {
        return load("/messages/msg_" + language + ".properties");
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyExistsInEnglishAndInFrench() throws IOException {
        Properties english = bundle("en");
        Properties french = bundle("fr");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void everyValidationMessageExistsInEnglishAndInFrench() throws IOException {
        Properties english = load("/ValidationMessages.properties");
        Properties french = load("/ValidationMessages_fr.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void noMessageIsLeftEmpty() throws IOException {
        for (String language : new String[] {"en", "fr"}) {
            Properties messages = bundle(language);
            messages.stringPropertyNames().forEach(key -> assertThat(messages.getProperty(key))
                    .as(language + ":" + key).isNotBlank());
        }
    }
}
