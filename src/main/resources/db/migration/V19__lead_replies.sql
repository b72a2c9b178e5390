-- A consultant's reply to a prospect goes out through the outbox from the firm's address, with the
-- consultant as the address the prospect's answer goes to.
ALTER TABLE mail_outbox ADD COLUMN reply_to VARCHAR(254) NULL;
