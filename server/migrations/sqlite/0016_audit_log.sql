-- The audit log page (issue 16 part 4): each entry keeps the value before
-- and after the action (a status, a stock count), and the log is
-- append-only: the database itself refuses to change or remove an entry,
-- whatever the application asks.

ALTER TABLE staff_audit ADD COLUMN before_value TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_audit ADD COLUMN after_value TEXT NOT NULL DEFAULT '';
CREATE INDEX staff_audit_staff ON staff_audit (staff_email, at);

-- Erasing a member of staff's account, or an order, only unlinks their
-- entries (the foreign keys' SET NULL); the entry itself stays as written.
CREATE TRIGGER staff_audit_append_only_update BEFORE UPDATE ON staff_audit
WHEN NEW.id IS NOT OLD.id OR NEW.staff_email IS NOT OLD.staff_email OR NEW.action IS NOT OLD.action
    OR NEW.detail IS NOT OLD.detail OR NEW.at IS NOT OLD.at OR NEW.before_value IS NOT OLD.before_value
    OR NEW.after_value IS NOT OLD.after_value
    OR (NEW.staff_id IS NOT OLD.staff_id AND NEW.staff_id IS NOT NULL)
    OR (NEW.order_id IS NOT OLD.order_id AND NEW.order_id IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be edited');
END;

CREATE TRIGGER staff_audit_append_only_delete BEFORE DELETE ON staff_audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be edited');
END;
