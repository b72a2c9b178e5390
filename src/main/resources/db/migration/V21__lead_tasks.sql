-- Follow-ups on a lead (call back, send documents): what, by when, for whom; done or not. A
-- consultant's open tasks are read through idx_lead_task_open, overdue (earliest due) first.
CREATE TABLE lead_task (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    lead_id    BIGINT        NOT NULL,
    title      VARCHAR(200)  NOT NULL,
    due_on     DATE          NOT NULL,
    assignee   VARCHAR(120)  NOT NULL,
    created_by VARCHAR(120)  NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    done_at    DATETIME(6)   NULL,
    done_by    VARCHAR(120)  NULL,
    version    BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    INDEX idx_lead_task_open (assignee, done_at, due_on),
    INDEX idx_lead_task_lead (lead_id),
    CONSTRAINT fk_lead_task_lead FOREIGN KEY (lead_id) REFERENCES lead (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The daily mail of overdue tasks: one row per consultant and day, written in the transaction that
-- queues the mail, so that a second run or a second scheduler sends nothing more that day.
CREATE TABLE task_reminder (
    consultant VARCHAR(120) NOT NULL,
    day        DATE         NOT NULL,
    tasks      INT          NOT NULL,
    sent_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (consultant, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Mails to a consultant go in the language they last used the console in.
ALTER TABLE consultant ADD COLUMN language VARCHAR(2) NULL;
