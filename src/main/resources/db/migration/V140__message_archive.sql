-- Archiving (README "Archiving"): messages of finished, old conversations move from the hot messages table
-- to messages_archive, one conversation per transaction. An archive table rather than partitions: H2 has
-- no partitioning, PostgreSQL cannot move rows between partitions without a delete and an insert anyway,
-- and its unique keys would have to include the partition key. Readers use the all_messages view, so
-- history, search, export and counts see both tables; writers (sends) only ever append to messages.

-- The same columns as messages, in the same order. A (conversation_id, seq) is in one of the two tables:
-- the archiver moves a conversation's rows under the conversation's lock, and the unique key here refuses
-- a second copy should two movers ever race.
CREATE TABLE messages_archive (
    id              UUID PRIMARY KEY,
    conversation_id UUID         NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq             BIGINT       NOT NULL,
    sender_id       VARCHAR(200),
    sender_name     VARCHAR(200),
    sender_role     VARCHAR(20),
    type            VARCHAR(10)  NOT NULL,
    content         VARCHAR,
    metadata        VARCHAR,
    client_id       VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE,
    visibility      VARCHAR(10)  NOT NULL DEFAULT 'all',
    CONSTRAINT uq_messages_archive_seq UNIQUE (conversation_id, seq),
    CONSTRAINT uq_messages_archive_client UNIQUE (conversation_id, sender_id, client_id)
);

-- When the conversation's messages were last moved; a conversation that got new messages since keeps it
-- (its older messages stay archived, the new ones are hot until the next run moves them too).
ALTER TABLE conversations ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;

-- One lease row: the node whose holder id is set and whose lease has not run out is the one archiver.
CREATE TABLE archive_lease (
    name        VARCHAR(50) PRIMARY KEY,
    holder      VARCHAR(100),
    lease_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO archive_lease (name) VALUES ('archiver');

-- Every message, hot or archived. PostgreSQL pushes a query's conditions into both branches (each uses its
-- own indexes) and merges two ordered index scans for ORDER BY seq ... LIMIT. A column added to messages
-- later must be added to messages_archive and to this view in the same migration.
CREATE VIEW all_messages AS
    SELECT id, conversation_id, seq, sender_id, sender_name, sender_role, type, content, metadata, client_id,
           created_at, deleted_at, visibility FROM messages
    UNION ALL
    SELECT id, conversation_id, seq, sender_id, sender_name, sender_role, type, content, metadata, client_id,
           created_at, deleted_at, visibility FROM messages_archive;
