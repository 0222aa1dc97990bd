package io.orderchat.attachments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and storage of attachments. The defaults are seed 003's (REST) and seed 000's
 * (socket images).
 *
 * @param maxFileSize the largest file on REST; keep
 * {@code spring.servlet.multipart.max-file-size} equal (application.yml does)
 * @param maxFiles the most files in one request
 * @param allowedTypes the file types accepted on REST, by their short names (see
 * {@link FileType})
 * @param socketImageMaxSize the largest image sent over the socket
 * @param socketImageTypes the image types accepted over the socket
 * @param thumbnailSize the longest side of a thumbnail, in pixels
 * @param downloadLinkTtl how long a signed download link stays valid
 * @param signingSecret the key signing download links; empty means a random one per
 * process (set it when several nodes serve the same files)
 * @param pendingTtl how long a pre-uploaded file that no message references is kept
 * @param storage where the bytes go
 */
@ConfigurationProperties("orderchat.attachments")
public record AttachmentProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("5") int maxFiles,
		@DefaultValue( {
				"jpeg", "png", "gif", "webp", "pdf", "doc", "docx", "xls", "xlsx", "txt" }) Set<FileType> allowedTypes,
		@DefaultValue("5MB") DataSize socketImageMaxSize,
		@DefaultValue({ "jpeg", "png", "gif" }) Set<FileType> socketImageTypes, @DefaultValue("256") int thumbnailSize,
		@DefaultValue("15m") Duration downloadLinkTtl, @DefaultValue("") String signingSecret,
		@DefaultValue("24h") Duration pendingTtl, @DefaultValue Storage storage){

	/**
	 * @param type {@code local} (default) or {@code s3}
	 * @param directory the local disk directory
	 * @param s3 the S3-compatible bucket, used when {@code type} is {@code s3}
	 */
	public record Storage(@DefaultValue("local") String type, @DefaultValue("./data/uploads") Path directory,
			@DefaultValue S3 s3) {
	}

	/**
	 * @param bucket the bucket
	 * @param region the region (any value for most S3-compatible servers)
	 * @param endpoint the endpoint of an S3-compatible server (MinIO, R2...); empty for
	 * AWS
	 * @param pathStyle path-style addressing, which most self-hosted servers need
	 * @param accessKey the access key; empty to use the SDK's default credential chain
	 * @param secretKey the secret key
	 * @param prefix a key prefix, so that several deployments can share a bucket
	 */
	public record S3(@DefaultValue("") String bucket, @DefaultValue("us-east-1") String region,
			@DefaultValue("") String endpoint, @DefaultValue("true") boolean pathStyle,
			@DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
			@DefaultValue("chat-attachments/") String prefix) {
	}

}
