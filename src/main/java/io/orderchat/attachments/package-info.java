/**
 * Files in chats: uploads checked on their real bytes (size, count, type), stored behind
 * a {@link io.orderchat.attachments.BlobStore} (local disk or S3-compatible), served only
 * to those who may read the conversation, and removed with their message;
 * {@link io.orderchat.attachments.AttachmentService} is the entry point.
 */
package io.orderchat.attachments;
