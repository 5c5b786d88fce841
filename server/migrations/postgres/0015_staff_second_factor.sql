-- Staff accounts that are hard to steal (PRODUCT.md §9): a second factor
-- (time-based one-time codes, RFC 6238) with recovery codes, and the time
-- a session last had its password typed, for the actions that ask again.

-- When the password was last typed in this session (sign-in, or a
-- sensitive action that asked for it again); NULL reads as the sign-in.
ALTER TABLE sessions ADD COLUMN password_at BIGINT;
-- When a member of staff's session passed the second factor; until then
-- the session is only a customer's.
ALTER TABLE sessions ADD COLUMN second_factor_at BIGINT;

-- One authenticator per member of staff. `enrolled_at` is NULL while the
-- secret is only offered (shown as a QR code, the same one until a code
-- confirms it); `last_step` is the last 30-second step a code was accepted for,
-- so a code is never accepted twice.
CREATE TABLE staff_second_factors (
    customer_id BIGINT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    enrolled_at BIGINT,
    last_step BIGINT NOT NULL DEFAULT 0,
    -- When the recovery codes were made and shown, once, after enrolment.
    recovery_issued_at BIGINT,
    created_at BIGINT NOT NULL
);

-- Single-use recovery codes, shown once after enrolment, kept as SHA-256.
CREATE TABLE staff_recovery_codes (
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    code_digest TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (customer_id, code_digest)
);
