-- The archive's counterparts of V100 (full-text search) and V121 (statistics by time): search and
-- statistics read all_messages, and PostgreSQL uses each table's own index under the view.
CREATE INDEX ix_messages_archive_search ON messages_archive
    USING GIN (to_tsvector('simple', TRANSLATE(COALESCE(content, ''), '<>', '  ')))
    WHERE deleted_at IS NULL;
CREATE INDEX ix_messages_archive_created_brin ON messages_archive USING BRIN (created_at);
