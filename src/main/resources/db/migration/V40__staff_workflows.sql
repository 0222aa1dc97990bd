-- Staff workflows: internal notes, closed conversations, moderator transfers, the audit trail,
-- support sessions and disputes. Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.

-- 'all' for everyone's messages, 'staff' for internal notes that only staff may see.
ALTER TABLE messages ADD COLUMN visibility VARCHAR(10) NOT NULL DEFAULT 'all';
ALTER TABLE messages ADD CONSTRAINT ck_messages_visibility CHECK (visibility IN ('all', 'staff'));

-- A closed conversation refuses new messages (a closed support session).
ALTER TABLE conversations ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;

-- A moderator hands an order's chat to another moderator, who accepts or declines.
CREATE TABLE moderator_transfers (
    id              UUID PRIMARY KEY,
    order_id        UUID         NOT NULL REFERENCES orders (id),
    conversation_id UUID         NOT NULL REFERENCES conversations (id),
    from_id         VARCHAR(200) NOT NULL,
    from_name       VARCHAR(200) NOT NULL,
    to_id           VARCHAR(200) NOT NULL,
    to_name         VARCHAR(200) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    -- The order's id while the transfer is pending, NULL once decided: one pending transfer per order.
    pending_order_id UUID,
    CONSTRAINT uq_transfers_pending_order UNIQUE (pending_order_id),
    CONSTRAINT ck_transfers_status CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled'))
);
CREATE INDEX ix_transfers_order ON moderator_transfers (order_id, status);

-- Every moderator action: who, what, when, on which conversation, how much was removed.
CREATE TABLE audit_log (
    id               UUID PRIMARY KEY,
    at               TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id         VARCHAR(200) NOT NULL,
    actor_name       VARCHAR(200) NOT NULL,
    actor_role       VARCHAR(20)  NOT NULL,
    action           VARCHAR(50)  NOT NULL,
    conversation_id  UUID,
    subject_id       VARCHAR(200),
    messages_removed INTEGER      NOT NULL DEFAULT 0,
    images_removed   INTEGER      NOT NULL DEFAULT 0,
    details          VARCHAR
);
CREATE INDEX ix_audit_at ON audit_log (at);
CREATE INDEX ix_audit_conversation ON audit_log (conversation_id, at);

CREATE TABLE support_sessions (
    id              UUID PRIMARY KEY,
    conversation_id UUID         NOT NULL REFERENCES conversations (id),
    customer_id     VARCHAR(200) NOT NULL,
    customer_name   VARCHAR(200) NOT NULL,
    agent_id        VARCHAR(200),
    agent_name      VARCHAR(200),
    subject         VARCHAR(300) NOT NULL,
    category        VARCHAR(100) NOT NULL,
    priority        VARCHAR(20)  NOT NULL,
    restaurant_id   VARCHAR(200),
    status          VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at     TIMESTAMP WITH TIME ZONE,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    closed_by       VARCHAR(200),
    CONSTRAINT ck_support_status CHECK (status IN ('waiting', 'active', 'resolved', 'closed')),
    CONSTRAINT ck_support_priority CHECK (priority IN ('low', 'medium', 'high', 'urgent'))
);
CREATE INDEX ix_support_customer ON support_sessions (customer_id, updated_at);
CREATE INDEX ix_support_agent ON support_sessions (agent_id, updated_at);
CREATE INDEX ix_support_queue ON support_sessions (status, created_at);

CREATE TABLE disputes (
    id              UUID PRIMARY KEY,
    order_id        UUID         NOT NULL REFERENCES orders (id),
    conversation_id UUID         NOT NULL REFERENCES conversations (id),
    customer_id     VARCHAR(200) NOT NULL,
    performer_id    VARCHAR(200),
    opened_by       VARCHAR(200) NOT NULL,
    opened_by_role  VARCHAR(20)  NOT NULL,
    reason          VARCHAR      NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    moderator_id    VARCHAR(200),
    moderator_name  VARCHAR(200),
    resolution      VARCHAR,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The order's id while the dispute is open, NULL once decided: at most one open dispute per
    -- order, enforced by the database even when two parties open one at the same moment.
    open_order_id   UUID,
    CONSTRAINT uq_disputes_open_order UNIQUE (open_order_id),
    CONSTRAINT ck_disputes_status CHECK (status IN ('open', 'in_review', 'resolved', 'rejected'))
);
CREATE INDEX ix_disputes_order ON disputes (order_id, status);

-- Messages of the order's conversation a dispute cites; held while the dispute is open.
CREATE TABLE dispute_evidence (
    dispute_id UUID         NOT NULL REFERENCES disputes (id),
    message_id UUID         NOT NULL REFERENCES messages (id),
    cited_by   VARCHAR(200) NOT NULL,
    note       VARCHAR(1000),
    cited_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dispute_id, message_id)
);
