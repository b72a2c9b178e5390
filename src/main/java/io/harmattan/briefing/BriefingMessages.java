package io.harmattan.briefing;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The briefings' texts, in their own bundle ({@code brief:} in templates; messages/brief_en.properties
 * and messages/brief_fr.properties): one bundle with every text of the app grows past what Qute's
 * generated resolver handles in one class.
 */
@MessageBundle("brief")
public interface BriefingMessages {

    @Message String briefing_security_risk();
    @Message String briefing_risk_level(int level);
    @Message String briefing_political_risk();
    @Message String briefing_operational_risk();
    @Message String briefing_tlp_meaning(String tlp);
    @Message String briefing_language_fallback(String language);
    @Message String briefing_version_label(int number);
    @Message String briefing_review_by(String date);
    @Message String briefing_sources();
    @Message String briefing_export();
    @Message String briefing_archive();
    @Message String briefing_back_to_overview();
    @Message String briefing_body_hint();
    @Message String briefing_body_label();
    @Message String briefing_cancel();
    @Message String briefing_changed();
    @Message String briefing_compare();
    @Message String briefing_compare_from();
    @Message String briefing_compare_heading(int from, int to);
    @Message String briefing_compare_to();
    @Message String briefing_conflict();
    @Message String briefing_conflict_view();
    @Message String briefing_countries_label();
    @Message String briefing_draft_pending();
    @Message String briefing_draft_version(int number);
    @Message String briefing_edit_draft();
    @Message String briefing_field();
    @Message String briefing_field_name(String field);
    @Message String briefing_form_has_errors();
    @Message String briefing_language_flag(String language, boolean missing);
    @Message String briefing_languages_label();
    @Message String briefing_new_version();
    @Message String briefing_no_readers();
    @Message String briefing_preview();
    @Message String briefing_preview_in(String language);
    @Message String briefing_preview_note(int number);
    @Message String briefing_publish(int number);
    @Message String briefing_published_on(String when, String who);
    @Message String briefing_published_version(int number);
    @Message String briefing_rating_label(String key);
    @Message String briefing_rating_choose();
    @Message String briefing_ratings_label();
    @Message String briefing_reader();
    @Message String briefing_reader_count();
    @Message String briefing_reader_last();
    @Message String briefing_reader_organisation();
    @Message String briefing_readers();
    @Message String briefing_review_label();
    @Message String briefing_save();
    @Message String briefing_sectors_label();
    @Message String briefing_sources_hint();
    @Message String briefing_status(String status);
    @Message String briefing_status_label();
    @Message String briefing_summary_label();
    @Message String briefing_title_label();
    @Message String briefing_tlp_label();
    @Message String briefing_version_column();
    @Message String briefing_versions_label();
    @Message String console_briefing_edit();
    @Message String console_briefing_new();
    @Message String console_briefings_back();
    @Message String console_briefings_none();
    @Message String console_briefings_title();
    @Message String briefing_four_eyes(boolean red);
    @Message String briefing_waiting_approval(String editor);
    @Message String briefing_approved_by(String who, String when);
    @Message String briefing_approve();
    @Message String briefing_step_error(String code);
    @Message String briefing_publish_confirm(String language, boolean missing);
    /** {@code language} is the reader's text's language; the message names the other one. */
    @Message String briefing_other_newer(String language, String date);
    @Message String review_due_title();
    @Message String review_due_intro();
    @Message String review_due_on(String day, boolean past);
    @Message String review_mail_subject(String title);
    @Message String review_mail_body(String name, String title, String day, boolean past, String link);
    @Message String recipients_title();
    @Message String recipients_intro();
    @Message String recipients_no_candidate();
    @Message String recipients_save();
    @Message String read_state(String state);
    @Message String since_read_title(int version);
    @Message String since_read_same_text();
    @Message String pdf_published(String date);
    @Message String pdf_prepared_for(String person, String organisation, String date);
}
