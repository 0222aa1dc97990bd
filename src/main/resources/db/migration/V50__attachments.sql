-- Files attached to messages. A row without message_id is a pre-upload (seed 003's POST /api/v1/chat/upload)
-- that its uploader has not sent yet; stale ones are swept. The bytes live in the blob store under storage_key
-- (and thumbnail_key for images); rows go away with their message's files.
CREATE TABLE attachments (
    id              UUID PRIMARY KEY,
    uploader_id     VARCHAR(200) NOT NULL,
    conversation_id UUID REFERENCES conversations (id) ON DELETE CASCADE,
    message_id      UUID REFERENCES messages (id) ON DELETE CASCADE,
    storage_key     VARCHAR(300) NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    file_size       BIGINT       NOT NULL,
    thumbnail_key   VARCHAR(300),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_attachments_message ON attachments (message_id);
CREATE INDEX ix_attachments_conversation ON attachments (conversation_id);
CREATE INDEX ix_attachments_pending ON attachments (uploader_id, created_at);
