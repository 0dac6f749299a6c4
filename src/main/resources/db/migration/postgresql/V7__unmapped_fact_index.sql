-- Consolidation lists the names the catalog did not know, from the facts kept as
-- unmapped: a few among a period's million. A partial index finds them without reading
-- the rest, and costs the load next to nothing (only unmapped facts enter it).
CREATE INDEX fact_unmapped ON fact (submission_id) WHERE NOT mapped;
