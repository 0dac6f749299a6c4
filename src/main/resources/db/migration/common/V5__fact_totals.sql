-- Each submission's figures summed per campaign, metric and source as it is loaded, so that
-- consolidating a period adds up thousands of rows, not millions. Rates are never summed.
CREATE TABLE fact_total (
    submission_id BIGINT         NOT NULL,
    campaign      VARCHAR(200)   NOT NULL,
    metric        VARCHAR(200)   NOT NULL,
    source        VARCHAR(200)   NOT NULL,
    total_value   NUMERIC(30, 8) NOT NULL,
    measure       VARCHAR(100)   NOT NULL,
    approx        BOOLEAN        NOT NULL,
    facts         INTEGER        NOT NULL,
    PRIMARY KEY (submission_id, campaign, metric, source)
);

INSERT INTO fact_total (submission_id, campaign, metric, source, total_value, measure, approx, facts)
SELECT submission_id, campaign, metric, source, SUM(fact_value), MIN(measure),
       MAX(CASE WHEN approx THEN 1 ELSE 0 END) = 1, COUNT(*)
FROM fact WHERE mapped AND kind <> 'RATE'
GROUP BY submission_id, campaign, metric, source;

-- Whether a period's consolidated tables are behind its submissions: loads raise the version,
-- consolidation catches up with it.
CREATE TABLE period_state (
    period               VARCHAR(16) PRIMARY KEY,
    loaded_version       BIGINT      NOT NULL,
    consolidated_version BIGINT      NOT NULL
);
