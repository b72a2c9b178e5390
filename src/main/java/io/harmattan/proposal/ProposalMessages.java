package io.harmattan.proposal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The proposals' texts, in their own bundle ({@code pm:} in templates; messages/pm_en.properties
 * and messages/pm_fr.properties): one bundle with every text of the app grew past what Qute's
 * generated resolver handles in one class.
 */
@MessageBundle("pm")
public interface ProposalMessages {

    @Message String proposal_default_title(String organisation);
    @Message String proposal_default_terms();
    @Message String proposals_title();
    @Message String proposals_all();
    @Message String proposals_none();
    @Message String proposal_state_label();
    @Message String proposal_state(String code);
    @Message String proposal_reference();
    @Message String proposal_total();
    @Message String proposal_valid_until();
    @Message String proposal_author();
    @Message String proposal_live(int number);
    @Message String proposal_conflict();
    @Message String proposal_error(String code);
    @Message String proposal_review_comment(String comment);
    @Message String proposal_accepted_by(String name, String when, int number);
    @Message String proposal_edit();
    @Message String proposal_submit();
    @Message String proposal_approve();
    @Message String proposal_changes_label();
    @Message String proposal_request_changes();
    @Message String proposal_awaiting_review();
    @Message String proposal_send();
    @Message String proposal_revise();
    @Message String proposal_withdraw();
    @Message String proposal_withdraw_reason();
    @Message String proposal_uncovered_title();
    @Message String proposal_not_covered(String need);
    @Message String proposal_needs_title();
    @Message String proposal_versions();
    @Message String proposal_sent_on(String when);
    @Message String proposal_event(String kind);
    @Message String proposal_scope();
    @Message String proposal_service();
    @Message String proposal_deliverable();
    @Message String proposal_quantity();
    @Message String proposal_unit_price();
    @Message String proposal_amount();
    @Message String proposal_unit(String unit);
    @Message String proposal_unit_label();
    @Message String proposal_subtotal();
    @Message String proposal_discount(String percent);
    @Message String proposal_vat(String percent);
    @Message String proposal_terms();
    @Message String proposal_start();
    @Message String proposal_fix_errors();
    @Message String proposal_title_label();
    @Message String proposal_summary();
    @Message String proposal_language();
    @Message String proposal_currency();
    @Message String proposal_discount_label();
    @Message String proposal_vat_label();
    @Message String proposal_lines_hint();
    @Message String proposal_line(int number);
    @Message String proposal_choose();
    @Message String proposal_save();
    @Message String proposal_cancel();
    @Message String proposal_field_error(String code);
    @Message String proposal_start_from_lead();
    @Message String portal_proposals_title();
    @Message String portal_proposals_lead(String organisation);
    @Message String portal_proposals_none();
    @Message String proposal_prepared_for(String organisation);
    @Message String portal_proposal_problem(String code);
    @Message String proposal_fingerprint();
    @Message String portal_proposal_accept_title();
    @Message String portal_proposal_full_name();
    @Message String portal_proposal_authorised(String organisation);
    @Message String portal_proposal_accept(String total);
    @Message String portal_proposal_decline_title();
    @Message String portal_proposal_reason();
    @Message String portal_decline_reason(String reason);
    @Message String portal_proposal_remark();
    @Message String portal_proposal_decline();

    @Message String mail_proposal_sent_subject(String firm, String reference);
    @Message String mail_proposal_sent_body(String firm, String reference, int number, String link, String validUntil);
    @Message String mail_proposal_reminder_subject(String reference);
    @Message String mail_proposal_reminder_body(String firm, String reference, String validUntil, String link);
    @Message String mail_proposal_news_subject(String reference, String what);
    @Message String mail_proposal_news_body(String reference, int number, String what, String link);
    @Message String proposal_pdf();

    @Message String proposals_pipeline();
    @Message String proposals_expiring();
    @Message String proposals_none_match();
    @Message String proposal_lead_title();
    @Message String proposal_changes_since(int number);
}
