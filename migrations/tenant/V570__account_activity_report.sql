-- Account activity and security report (issue 13 point 6; seed 000 Đ7.2d quarterly, 001 Đ5.1đ monthly):
-- an attempt refused by the login throttle is told apart from a wrong password, and attempts and audit
-- entries are counted by period.
ALTER TABLE login_attempts ADD COLUMN throttled boolean NOT NULL DEFAULT false;
CREATE INDEX login_attempts_at ON login_attempts (at);
CREATE INDEX audit_log_at ON audit_log (at);
