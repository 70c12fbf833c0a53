-- 0003_fts_children.sql — an entry's search row also takes the answers and
-- tags already written for it.
--
-- An entry is normally written before its tags and answers, and their own
-- triggers (0001) fill those columns: for a new entry these subqueries find
-- nothing and the row is what 0001 wrote.  Import writes a batch of
-- entries the other way round, tags and answers first with foreign keys
-- deferred to the commit, so each entry's text is indexed once; through the
-- 0001 triggers FTS5 would index it again for every tag and answer, which
-- made importing 100k entries take minutes instead of seconds.
DROP TRIGGER entry_fts_insert;
CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
	INSERT INTO entry_fts (rowid, title, body, answers, tags)
	VALUES (new.id, new.title, new.body,
		(SELECT coalesce(group_concat(prompt || ' ' || coalesce(value_text, ''), ' '), '')
		 FROM answer WHERE entry_id = new.id),
		(SELECT coalesce(group_concat(t.name, ' '), '')
		 FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = new.id));
END;
