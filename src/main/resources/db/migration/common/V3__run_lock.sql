-- One run per period at a time. PostgreSQL uses an advisory lock; H2, which has none, a row lock
-- on this table held by the running process.
CREATE TABLE run_lock (
    period VARCHAR(16) PRIMARY KEY
);
