-- V150's columns in the archive too, and in the all_messages view (V140: a column added to
-- messages is added to messages_archive and to the view in the same step).
ALTER TABLE messages_archive ADD COLUMN reply_to_seq BIGINT;
ALTER TABLE messages_archive ADD COLUMN reactions VARCHAR;

DROP VIEW all_messages;
CREATE VIEW all_messages AS
    SELECT id, conversation_id, seq, sender_id, sender_name, sender_role, type, content, metadata, client_id,
           created_at, deleted_at, visibility, reply_to_seq, reactions FROM messages
    UNION ALL
    SELECT id, conversation_id, seq, sender_id, sender_name, sender_role, type, content, metadata, client_id,
           created_at, deleted_at, visibility, reply_to_seq, reactions FROM messages_archive;
