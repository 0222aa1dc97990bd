-- Webhooks: the host app's endpoints, the outbox of deliveries to them, and which unread
-- messages a participant was already notified about. Portable SQL: runs on PostgreSQL and on H2.

CREATE TABLE webhook_endpoints (
    id         UUID PRIMARY KEY,
    url        VARCHAR(2000) NOT NULL,
    secret     VARCHAR(200)  NOT NULL,
    -- the event types it wants, comma-separated (e.g. 'message.created,order.status_changed')
    events     VARCHAR(1000) NOT NULL,
    enabled    BOOLEAN       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The outbox: one row per event and endpoint, written in the event's transaction. A worker claims
-- due rows by setting a lease (lease_owner, lease_until) with one UPDATE, so two nodes never send the
-- same row at the same time; a crashed node's lease runs out and another node sends the row.
CREATE TABLE webhook_deliveries (
    id               UUID PRIMARY KEY,
    endpoint_id      UUID         NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event            VARCHAR(50)  NOT NULL,
    body             VARCHAR      NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner      UUID,
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_error       VARCHAR(1000),
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_webhook_deliveries_status CHECK (status IN ('pending', 'delivered', 'failed'))
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);

-- The highest seq of a conversation a participant was told about while offline: the next notice
-- waits for a newer unread message.
CREATE TABLE webhook_unread_notices (
    conversation_id UUID         NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         VARCHAR(200) NOT NULL,
    notified_seq    BIGINT       NOT NULL,
    notified_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
