-- How many of a submission's facts are kept unmapped (names the catalog did not know).
-- Consolidation lists unknown names from the facts of these submissions only, instead of
-- reading every fact of the period; a district's files are almost all fully mapped.
ALTER TABLE submission ADD COLUMN unmapped_facts INTEGER DEFAULT 0 NOT NULL;
UPDATE submission SET unmapped_facts = (SELECT COUNT(*) FROM fact f WHERE f.submission_id = submission.id AND NOT f.mapped)
WHERE status = 'loaded';
