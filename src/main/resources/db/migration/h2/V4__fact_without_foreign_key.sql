-- PostgreSQL drops the foreign key of fact.submission_id here for the speed of COPY; H2, which
-- loads by batched inserts and holds small districts, keeps it.
SELECT 1;
