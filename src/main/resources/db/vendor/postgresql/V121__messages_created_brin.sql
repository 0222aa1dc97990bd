-- Statistics count messages by time (GET /api/admin/stats). Messages are appended in time order, so a
-- BRIN index finds a day's range for the cost of a few pages, and adds almost nothing to a send (a
-- B-tree on created_at would grow with every message). PostgreSQL only; H2 scans.
CREATE INDEX ix_messages_created_brin ON messages USING BRIN (created_at);
