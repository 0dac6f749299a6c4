-- The units whose submissions of a period changed since its tables were last consolidated:
-- a run that loads a few files rebuilds those units' rows only.
CREATE TABLE period_unit_changed (
    period  VARCHAR(16)  NOT NULL,
    unit    VARCHAR(200) NOT NULL
);

CREATE INDEX period_unit_changed_period ON period_unit_changed (period);
