-- What the briefing searches read (the console's list and the client's portal): the title,
-- summary and body of every version in both languages, in one FULLTEXT index. The collation makes
-- it case- and accent-insensitive; every word counts (no stop words): "est" or "for" may be just what
-- a reader looks for.
SET SESSION innodb_ft_enable_stopword = OFF;
CREATE FULLTEXT INDEX ft_briefing_version_text
    ON briefing_version (title_en, title_fr, summary_en, summary_fr, body_en, body_fr);

-- The console's list: the briefings last changed first, whatever their status, read in index order.
CREATE INDEX idx_briefing_updated ON briefing (updated_at, id);
