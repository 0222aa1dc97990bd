-- Replies: the seq of the quoted message of the same conversation. The quote's text is read
-- from the original when a message is read, so a deleted original shows as deleted.
ALTER TABLE messages ADD COLUMN reply_to_seq BIGINT;

-- Reactions: one row per (message, user, emoji), so adding twice or removing twice changes
-- nothing. messages.reactions keeps the same facts, grouped per emoji as JSON, rewritten
-- under the message's row lock on every change: history pages (the busiest read) carry the
-- counts without a second query or a join.
ALTER TABLE messages ADD COLUMN reactions VARCHAR;

-- No foreign key to messages: a message moves to messages_archive (V140) with its id, and its
-- reactions stay; deleting a message (a tombstone) deletes its reactions itself.
CREATE TABLE message_reactions (
    message_id UUID         NOT NULL,
    user_id    VARCHAR(200) NOT NULL,
    emoji      VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_message_reactions PRIMARY KEY (message_id, user_id, emoji)
);
