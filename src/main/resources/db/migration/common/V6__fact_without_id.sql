-- A fact is found by its submission and its cell, never by an id of its own; the identity column
-- and its index cost every loaded row a sequence value and an index entry.
ALTER TABLE fact DROP COLUMN id;
