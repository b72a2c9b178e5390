package io.harmattan.task;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of follow-up tasks: "My tasks", the lead page's tasks and the daily mail of overdue
 * ones ({@code task:} in templates; messages/task_en.properties and messages/task_fr.properties).
 */
@MessageBundle("task")
public interface TaskMessages {

    @Message String tasks_title();
    @Message String tasks_intro();
    @Message String tasks_none();
    @Message String tasks_link(int open, int overdue);
    @Message String task_when(String code, String due);
    @Message String task_done_button();
    @Message String task_heading();
    @Message String task_none_on_lead();
    @Message String task_title_label();
    @Message String task_due_label();
    @Message String task_assignee_label();
    @Message String task_add();
    @Message String task_for(String who);
    @Message String task_done_by(String who, String when);
    @Message String task_column(String column);
    @Message String timeline_task_added(String title, String who);
    @Message String timeline_task_done(String title);
    @Message String mail_subject(int count);
    @Message String mail_body(String name, String lines, String link);
    @Message String mail_line(String due, String reference, String organisation, String title, String link);
}
