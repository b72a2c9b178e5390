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
}
