package io.orderchat.transcripts;

import java.time.Instant;
import java.util.List;

/**
 * What a transcript is of and for whom: printed above the messages of the HTML page.
 *
 * @param linksExpireAt when the signed file links in this export stop working
 */
record TranscriptHeader(String conversationId, String kind, String subjectId, String title, List<String> participants,
		String exportedBy, boolean forStaff, Instant exportedAt, Instant linksExpireAt) {
}
