package io.harmattan.triage;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a consultant's work on a lead: replies and their templates, calls and meetings
 * ({@code work:} in templates; messages/work_en.properties and messages/work_fr.properties). A
 * bundle of its own because one bundle with every text of the app grows past what Qute's generated
 * resolver handles in one class.
 */
@MessageBundle("work")
public interface WorkMessages {

    @Message String reply_heading();
    @Message String reply_start_from();
    @Message String reply_template(String code);
    @Message String reply_how(String email, String firm, String replyTo);
    @Message String reply_how_no_address(String email, String firm);
    @Message String reply_template_hint(String language);
    @Message String reply_subject();
    @Message String reply_body();
    @Message String reply_send();
    @Message String reply_template_subject(String code, String reference);
    @Message String reply_template_body(String code, String name, String consultant, String firm, String reference);
    @Message String contact_heading();
    @Message String contact_kind_label();
    @Message String contact_kind(String kind);
    @Message String contact_when();
    @Message String contact_minutes();
    @Message String contact_outcome();
    @Message String contact_save();
    @Message String timeline_emailed(String subject);
    @Message String timeline_contact(String kind, String minutes);
    @Message String timeline_show_text();
    @Message String disqualify_reason(String code);
    @Message String disqualify_choose();
    @Message String disqualify_words();
    @Message String bulk_legend();
    @Message String bulk_action(String code);
    @Message String bulk_assign_to();
    @Message String bulk_why();
    @Message String bulk_apply();
    @Message String bulk_select(String reference);
    @Message String bulk_not_done();
    @Message String bulk_outcome(String reference, String code);
    @Message String inbox_error(String code);
    @Message String inbox_received();
    /** On a phone, where the inbox is a card per lead: when it arrived, in a sentence. */
    @Message String inbox_received_at(String when);
    /** On a phone: a lead nobody has taken yet. */
    @Message String inbox_unassigned();
    /** A language's name as a sentence in the reader's language says it ({@code lower}: in running text). */
    @Message String language_in_text(String code, boolean lower);
    @Message String reasons_title();
    @Message String reasons_intro(String from, String to, long total);
    @Message String reasons_leads();
    @Message String reasons_share();
    @Message String reasons_link();
    @Message String views_title();
    @Message String view_save_label();
    @Message String view_save();
    @Message String view_delete(String name);
}
