-- A review of the second factor (issue 16 part 5): the secret offered at
-- enrolment belongs to the session it was shown to, so a session opened
-- with a phished password before the real owner's cannot keep a working
-- key; the owner's page offers a new one, and only the session shown a
-- secret can confirm it.
ALTER TABLE staff_second_factors ADD COLUMN offered_to TEXT NOT NULL DEFAULT '';

-- Row triggers do not fire on TRUNCATE: refuse it too, so the audit log
-- stays append-only whatever the statement.
CREATE OR REPLACE FUNCTION staff_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
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

CREATE TRIGGER staff_audit_no_truncate BEFORE TRUNCATE ON staff_audit
FOR EACH STATEMENT EXECUTE FUNCTION staff_audit_append_only();
