-- 0002: let the time index answer counting queries on its own.
--
-- Reviews, lists and the UI count and page live entries by time, and read
-- their frame, inquiry and word count.  Those columns sit after the body in
-- the entry row, so reading them from the table walks the body's overflow
-- pages of every entry counted; carried in the index, a year of a 100k-entry
-- journal is counted without touching a single row.  The index keeps the
-- order (occurred_at DESC, id DESC) the keyset paging of entry_list relies on.

DROP INDEX entry_live_by_time;

CREATE INDEX entry_live_by_time ON entry (
	occurred_at DESC,  -- the date the entry is about: lists are newest first
	id DESC,           -- ties broken by id, for keyset paging
	frame,             -- carried so counts by frame read no row
	inquiry_id,        -- carried for counts inside an inquiry
	word_count         -- carried for words written in a period
) WHERE deleted_at IS NULL;
