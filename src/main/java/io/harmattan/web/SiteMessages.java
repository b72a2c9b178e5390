package io.harmattan.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The public pages' own texts: contact details, the privacy notice and the legal notice
 * ({@code site:} in templates; messages/site_en.properties and messages/site_fr.properties). A
 * bundle of its own because one bundle with every text of the app grows past what Qute's generated
 * resolver handles in one class.
 */
@MessageBundle("site")
public interface SiteMessages {

    @Message String contact_title();
    @Message String contact_email();
    @Message String contact_phone();
    @Message String footer_privacy();
    @Message String footer_legal();
    @Message String privacy_title();
    @Message String privacy_lead(String firm);
    @Message String privacy_who_title();
    @Message String privacy_who_text(String firm);
    @Message String privacy_what_title();
    @Message String privacy_what_text();
    @Message String privacy_why_title();
    @Message String privacy_why_text();
    @Message String privacy_how_long_title();
    @Message String privacy_how_long_text(int months);
    @Message String privacy_rights_title();
    @Message String privacy_rights_text();
    @Message String privacy_ask(String email, String phone);
    @Message String privacy_where_title();
    @Message String privacy_where_text(String host);
    @Message String legal_title();
    @Message String legal_publisher_title();
    @Message String legal_registration(String registration);
    @Message String legal_director(String publisher);
    @Message String legal_host_title();
    @Message String legal_host_text(String host);
    @Message String unsubscribe_mail_line();
    @Message String unsubscribe_title();
    @Message String unsubscribe_text(String email, String firm);
    @Message String unsubscribe_button();
    @Message String unsubscribe_done_title();
    @Message String unsubscribe_done_text(String firm);
    @Message String unsubscribe_invalid();
}
