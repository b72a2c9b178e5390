package io.harmattan.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of lists: search boxes and pagers ({@code list:} in templates;
 * messages/list_en.properties and messages/list_fr.properties). A bundle of its own because one
 * bundle with every text of the app grows past what Qute's generated resolver handles in one class.
 */
@MessageBundle("list")
public interface ListMessages {

    @Message String search_briefings_hint();
    @Message String search_clear();
    @Message String search_briefings_none(String q);
    @Message String search_briefings_count(int count, String q);
    @Message String search_briefings_many(int count, String q);
    @Message String pager_label();
    @Message String pager_newer();
    @Message String pager_older();
    @Message String pager_position(int page, int pages);
    @Message String export_column(String column);
}
