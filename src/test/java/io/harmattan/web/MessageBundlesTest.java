package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages/msg_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyKeyExistsInEnglishAndInFrench() throws IOException {
        Properties english = load("en");
        Properties french = load("fr");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void noMessageIsLeftEmpty() throws IOException {
        for (String language : new String[] {"en", "fr"}) {
            Properties messages = load(language);
            messages.stringPropertyNames().forEach(key -> assertThat(messages.getProperty(key))
                    .as(language + ":" + key).isNotBlank());
        }
    }
}
