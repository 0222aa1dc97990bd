-- Full-text search over messages (GET /api/search), PostgreSQL only: H2 has no tsvector and searches with
-- LIKE instead (db/vendor/h2/README.md). The 'simple' configuration lower-cases words without stemming or
-- stop words, so Ukrainian, Russian and English text all index alike.
-- An expression index rather than a stored generated column: adding it does not rewrite the messages table,
-- and tombstones (deleted or cleaned messages, content NULL) are left out. Queries must repeat the
-- expression and the predicate exactly (see io.orderchat.search.FullTextMatches).
-- Chat text is plain text, not markup: '<' and '>' become spaces first, or the parser would take '<b>' for a
-- tag and drop everything between '<script>' and '</script>'.
CREATE INDEX ix_messages_search ON messages USING GIN (to_tsvector('simple', TRANSLATE(COALESCE(content, ''), '<>', '  ')))
    WHERE deleted_at IS NULL;
