/**
 * Transcript export: a conversation's whole history, as its reader may see it, streamed
 * as JSON, CSV or a printable HTML page;
 * {@link io.orderchat.transcripts.TranscriptExport} is the entry point.
 */
package io.orderchat.transcripts;
