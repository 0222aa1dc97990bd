-- Client metadata is now bounded (orderchat.chat.metadata-*, 8 KB by default) and may not carry the keys the
-- server owns. Metadata stored before that by users' messages is cleared where it could harm readers: over 64 KB
-- (far above anything the server writes for a user's message: five attachment descriptors are about 2 KB; such
-- rows made their conversation too large to open), or naming a visibility on a message that is not a staff note
-- (a forged "INTERNAL NOTE" label). The messages themselves, their content and their seq stay.
UPDATE messages SET metadata = NULL
 WHERE sender_id IS NOT NULL
   AND metadata IS NOT NULL
   AND (LENGTH(metadata) > 65536 OR (visibility = 'all' AND metadata LIKE '%"visibility"%'));
