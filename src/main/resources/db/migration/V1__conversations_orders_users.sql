-- OrderChat's domain core. Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.

-- Users as seen in tokens (the host app owns them; this is a cache of id, name and role).
CREATE TABLE users (
    id            VARCHAR(200) PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One conversation per subject: an order, a dispute or a support session.
-- last_seq is the sequence number of the newest message; senders lock this row to take the next.
CREATE TABLE conversations (
    id         UUID PRIMARY KEY,
    kind       VARCHAR(20)  NOT NULL,
    subject_id VARCHAR(200) NOT NULL,
    title      VARCHAR(300),
    last_seq   BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_conversations_subject UNIQUE (kind, subject_id),
    CONSTRAINT ck_conversations_kind CHECK (kind IN ('order', 'dispute', 'support'))
);

-- Who takes part, in which role; read_seq is the user's read horizon (shared by all their devices).
-- A participant who left keeps the row with left_at set, and may rejoin.
CREATE TABLE participants (
    conversation_id UUID         NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         VARCHAR(200) NOT NULL,
    name            VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    read_seq        BIGINT       NOT NULL DEFAULT 0,
    joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    left_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX ix_participants_user ON participants (user_id, conversation_id);

-- Messages, gap-free per conversation by seq. A deleted message keeps its row and seq (tombstone).
-- client_id makes sends idempotent per sender; NULLs never collide.
CREATE TABLE messages (
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
    CONSTRAINT uq_messages_seq UNIQUE (conversation_id, seq),
    CONSTRAINT uq_messages_client UNIQUE (conversation_id, sender_id, client_id),
    CONSTRAINT ck_messages_type CHECK (type IN ('text', 'image', 'file', 'system'))
);

CREATE TABLE orders (
    id              UUID PRIMARY KEY,
    external_id     VARCHAR(200),
    conversation_id UUID         NOT NULL REFERENCES conversations (id),
    customer_id     VARCHAR(200) NOT NULL,
    customer_name   VARCHAR(200),
    performer_id    VARCHAR(200),
    performer_name  VARCHAR(200),
    moderator_id    VARCHAR(200),
    moderator_name  VARCHAR(200),
    status          VARCHAR(20)  NOT NULL,
    exchange_method VARCHAR(200),
    amount          NUMERIC(19, 4),
    title           VARCHAR(300),
    notes           VARCHAR,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_orders_external_id UNIQUE (external_id),
    CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'processing', 'completed', 'cancelled', 'rejected'))
);
CREATE INDEX ix_orders_customer ON orders (customer_id);
CREATE INDEX ix_orders_performer ON orders (performer_id);
CREATE INDEX ix_orders_moderator ON orders (moderator_id);
CREATE INDEX ix_orders_status ON orders (status, created_at);
