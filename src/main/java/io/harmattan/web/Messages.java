package io.harmattan.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every user-facing string. The texts live in messages/msg_en.properties and
 * messages/msg_fr.properties; a test fails if a key is missing from either.
 */
@MessageBundle("msg")
public interface Messages {

    @Message String app_name();
    @Message String skip_to_content();
    @Message String nav_home();
    @Message String nav_console();
    @Message String nav_portal();
    @Message String nav_admin();
    @Message String nav_sign_in();
    @Message String nav_sign_out();
    @Message String nav_language();
    @Message String signed_in_as(String name);
    @Message String your_role();
    @Message String role_name(String role);
    @Message String footer(String firm);
    @Message String flash(String code);
    @Message String language_name(String language);

    @Message String landing_title(String firm);
    @Message String landing_lead(String firm);
    @Message String landing_countries();
    @Message String landing_sectors();
    @Message String landing_cta_interest();
    @Message String landing_client_sign_in();

    @Message String console_title();
    @Message String console_welcome(String name);
    @Message String console_next();

    @Message String portal_title();
    @Message String portal_welcome(String name);
    @Message String portal_organisation(String organisation);
    @Message String portal_no_organisation();
    @Message String portal_next();

    @Message String admin_title();
    @Message String admin_welcome(String name);
    @Message String admin_next();

    @Message String intake_title();
    @Message String intake_lead();
    @Message String intake_required_note();
    @Message String intake_errors_summary();
    @Message String intake_form_error(String code);
    @Message String intake_name();
    @Message String intake_email();
    @Message String intake_organisation();
    @Message String intake_job_title();
    @Message String intake_phone();
    @Message String intake_phone_hint();
    @Message String intake_sectors();
    @Message String intake_countries();
    @Message String intake_services();
    @Message String intake_timeframe();
    @Message String intake_timeframe_choose();
    @Message String timeframe_label(String timeframe);
    @Message String intake_needs();
    @Message String intake_needs_hint();
    @Message String intake_honeypot();
    @Message String intake_privacy_title();
    @Message String intake_privacy_text(String firm);
    @Message String intake_consent();
    @Message String intake_marketing();
    @Message String intake_submit();
    @Message String received_title();
    @Message String received_reference();
    @Message String received_next();

    @Message String mail_ack_subject(String reference);
    @Message String mail_ack_greeting(String name);
    @Message String mail_ack_body(String reference);
    @Message String mail_ack_next();
    @Message String mail_ack_signature(String firm);
    @Message String mail_triage_subject(String reference);
    @Message String mail_triage_body(String reference, String organisation);

    @Message String error_title(int status);
    @Message String error_text(int status);
    @Message String error_home();

    @Message String match_all_sectors();
    @Message String match_any_country();
    @Message String match_reason_declared(String sector, String country);
    @Message String match_reason_from(String sector, String country, String words);
    @Message String match_quote(String word);
    @Message String match_and();
    @Message String portal_reason(String sector, String country);
    @Message String portal_briefings_title();
    @Message String portal_briefings_lead(String organisation);
    @Message String portal_briefings_none();
    @Message String portal_why();
    @Message String portal_briefings_back();
    @Message String briefing_security_risk();
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
    @Message String briefing_error(String code);
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
    @Message String match_briefings();
    @Message String match_declared();
    @Message String match_inferred();
    @Message String match_lead();
    @Message String match_no_briefing();
    @Message String match_nothing();
    @Message String match_places();
    @Message String match_score(double score);
    @Message String match_submit();
    @Message String match_text_hint();
    @Message String match_text_label();
    @Message String match_text_too_long();
    @Message String match_title();
}
