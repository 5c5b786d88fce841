-- Erasure that is complete (issue 17, item 3).
--
-- Whom an email is about: its recipient's address key, or, for client
-- service's copy of a customer's message, the customer's. Deleting an
-- account deletes every email about it; emails before this column are
-- found by their recipient.
ALTER TABLE outbox ADD COLUMN about_key TEXT;
UPDATE outbox SET about_key = lower(to_address);
CREATE INDEX outbox_about ON outbox (about_key);
-- Emails older than the retention period are deleted (VITRINE_EMAIL_RETENTION_DAYS).
CREATE INDEX outbox_created ON outbox (created_at);
