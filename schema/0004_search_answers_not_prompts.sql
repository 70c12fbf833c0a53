-- 0004_search_answers_not_prompts.sql — the search index holds what the
-- learner wrote in answer to a template, not the template's questions.
--
-- The answers column took each prompt with its answer, so every entry made
-- with a template matched the words of its questions: searching 'feeling'
-- found every entry whose template asks "How were you feeling?", whatever
-- was written, and those crowded out the entries that are about feelings.
-- The questions are the template's (praxis templates show them, and
-- --template finds the entries made with one); the answers are the
-- learner's.  It also leaves the index the prompts' words smaller.
DROP TRIGGER entry_fts_insert;
CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
	INSERT INTO entry_fts (rowid, title, body, answers, tags)
	VALUES (new.id, new.title, new.body,
		(SELECT coalesce(group_concat(value_text, ' '), '')
		 FROM answer WHERE entry_id = new.id),
		(SELECT coalesce(group_concat(t.name, ' '), '')
		 FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = new.id));
END;

DROP TRIGGER answer_fts_insert;
CREATE TRIGGER answer_fts_insert AFTER INSERT ON answer BEGIN
	UPDATE entry_fts SET answers = (
		SELECT coalesce(group_concat(value_text, ' '), '')
		FROM answer WHERE entry_id = new.entry_id) WHERE rowid = new.entry_id;
END;

DROP TRIGGER answer_fts_delete;
CREATE TRIGGER answer_fts_delete AFTER DELETE ON answer BEGIN
	UPDATE entry_fts SET answers = (
		SELECT coalesce(group_concat(value_text, ' '), '')
		FROM answer WHERE entry_id = old.entry_id) WHERE rowid = old.entry_id;
END;

-- The entries written with a template until now.
UPDATE entry_fts SET answers = (
	SELECT coalesce(group_concat(value_text, ' '), '')
	FROM answer WHERE entry_id = entry_fts.rowid)
WHERE rowid IN (SELECT entry_id FROM answer);
