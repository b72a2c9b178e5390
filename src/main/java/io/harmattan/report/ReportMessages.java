package io.harmattan.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The texts of the reports ({@code rep:} in templates; messages/rep_en.properties and messages/rep_fr.properties). */
@MessageBundle("rep")
public interface ReportMessages {

    @Message String reports_title();
    @Message String reports_intro();
    @Message String report_title(String report);
    @Message String report_about(String report);
    @Message String report_period(String from, String to);
    @Message String period_from();
    @Message String period_to();
    @Message String period_changed(String why);
    @Message String report_csv();
    @Message String report_empty();
    @Message String report_back();
    @Message String table_title(String table);
    @Message String heading(String column);
    @Message String source(String code);
    @Message String week_of(String date);
    @Message String step(String step);
    @Message String measure(String measure);
    @Message String hours(String value);
    @Message String none();
}
