package io.harmattan.privacy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the data-protection page: finding what is held about a person, the copy, the
 * erasure ({@code dp:} in templates; messages/dp_en.properties and messages/dp_fr.properties).
 */
@MessageBundle("dp")
public interface DataProtectionMessages {

    @Message String dp_title();
    @Message String dp_intro();
    @Message String dp_link();
    @Message String dp_email();
    @Message String dp_find();
    @Message String dp_invalid();
    @Message String dp_nothing(String email);
    @Message String dp_found(String email);
    @Message String dp_requests(int count);
    @Message String dp_mails(int count);
    @Message String dp_accounts(int count);
    @Message String dp_proposals(int count);
    @Message String dp_erased_request();
    @Message String dp_export();
    @Message String dp_export_hint();
    @Message String dp_erase_title();
    @Message String dp_erase_hint();
    @Message String dp_erase_confirm();
    @Message String dp_erase_button();
    @Message String dp_erase_mismatch();
    @Message String dp_erased(int requests, int mails, int accounts, int views);
}
