-- The status as the host app last named it (DIALECTS.md §0.7: in_transit, under_review …),
-- beside OrderChat's lifecycle status, so that REST answers and later joins show the host's
-- name too, not only the event of the change. NULL: the host used OrderChat's own name.
ALTER TABLE orders ADD COLUMN status_name VARCHAR(200);
ALTER TABLE disputes ADD COLUMN status_name VARCHAR(200);
