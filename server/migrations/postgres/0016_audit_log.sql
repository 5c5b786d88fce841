-- The audit log page (issue 16 part 4): each entry keeps the value before
-- and after the action (a status, a stock count), and the log is
-- append-only: the database itself refuses to change or remove an entry,
-- whatever the application asks.

ALTER TABLE staff_audit ADD COLUMN before_value TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_audit ADD COLUMN after_value TEXT NOT NULL DEFAULT '';
CREATE INDEX staff_audit_staff ON staff_audit (staff_email, at);

-- Erasing a member of staff's account, or an order, only unlinks their
-- entries (the foreign keys' SET NULL); the entry itself stays as written.
CREATE FUNCTION staff_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the audit log cannot be edited';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.staff_email IS DISTINCT FROM OLD.staff_email
        OR NEW.action IS DISTINCT FROM OLD.action OR NEW.detail IS DISTINCT FROM OLD.detail
        OR NEW.at IS DISTINCT FROM OLD.at OR NEW.before_value IS DISTINCT FROM OLD.before_value
        OR NEW.after_value IS DISTINCT FROM OLD.after_value
        OR (NEW.staff_id IS DISTINCT FROM OLD.staff_id AND NEW.staff_id IS NOT NULL)
        OR (NEW.order_id IS DISTINCT FROM OLD.order_id AND NEW.order_id IS NOT NULL) THEN
        RAISE EXCEPTION 'the audit log cannot be edited';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER staff_audit_append_only BEFORE UPDATE OR DELETE ON staff_audit
FOR EACH ROW EXECUTE FUNCTION staff_audit_append_only();
