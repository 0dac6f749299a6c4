-- A submission is a file as a unit sent it, not a content: the same bytes from two units are two
-- submissions, and a version sent again after a newer one is a new arrival. The ledger keeps every
-- arrival; a file is known by its name and content.
ALTER TABLE submission DROP CONSTRAINT submission_period_sha;
CREATE INDEX submission_period_file ON submission (period, file_name);

-- Files huizong itself wrote (feedback workbooks, exports, run reports), by content, so that one
-- left in an inbox is recognised and not read as a unit's submission.
CREATE TABLE output_file (
    sha256     CHAR(64)      NOT NULL PRIMARY KEY,
    size_bytes BIGINT        NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    path       VARCHAR(2000) NOT NULL,
    written_at TIMESTAMP     NOT NULL
);

-- Files of a run's inbox that were not read as submissions, and why: hidden files, office lock
-- files, links out of the inbox, huizong's own outputs.
CREATE TABLE run_skipped (
    run_id      BIGINT        NOT NULL,
    name        VARCHAR(1000) NOT NULL,
    reason_code VARCHAR(64)   NOT NULL,
    reason      VARCHAR(2000) NOT NULL
);
CREATE INDEX run_skipped_run ON run_skipped (run_id);
