package io.harmattan.digest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of what clients receive by mail: the settings page, the digest, the new-version alert
 * and the page that stops them ({@code digest:} in templates; messages/digest_en.properties and
 * messages/digest_fr.properties).
 */
@MessageBundle("digest")
public interface DigestMessages {

    @Message String settings_title();
    @Message String settings_intro();
    @Message String settings_link();
    @Message String settings_language();
    @Message String settings_digest();
    @Message String settings_digest_option(String code);
    @Message String settings_countries();
    @Message String settings_sectors();
    @Message String settings_follows_hint();
    @Message String settings_none_chosen();
    @Message String settings_alerts_legend();
    @Message String settings_alerts();
    @Message String settings_alerts_hint();
    @Message String settings_save();
    @Message String settings_error_summary();

    @Message String digest_subject(int count);
    @Message String digest_body(String name, String since, String lines, String briefings, String settings, String stop);
    @Message String digest_line_open(String title, String tlp, String change, String summary, String link);
    @Message String digest_line_restricted(String title, String tlp, String change, String link);
    @Message String digest_line_red(String change, String link);
    @Message String digest_change(String code, int version, String date);

    @Message String alert_subject(int count);
    @Message String alert_body(int count, String name, String lines, String settings, String stop);
    @Message String alert_line(String title, String tlp, int version, String date, String link);
    @Message String alert_line_red(int version, String date, String link);

    @Message String stop_title();
    @Message String stop_text(String email);
    @Message String stop_button();
    @Message String stop_done_title();
    @Message String stop_done_text();
    @Message String stop_invalid();
}
