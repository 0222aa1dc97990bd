package io.orderchat.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2...). A PUT
 * with a known length is atomic on S3, which is what the {@link BlobStore} contract asks.
 * SDK failures surface as {@link IOException}s like the local store's.
 */
final class S3BlobStore implements BlobStore {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	S3BlobStore(S3Client s3, String bucket, String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = (prefix != null) ? prefix : "";
	}

	@Override
	public void put(String key, InputStream content, long length, String contentType) throws IOException {
		try {
			this.s3.putObject(PutObjectRequest.builder()
				.bucket(this.bucket)
				.key(this.prefix + key)
				.contentType(contentType)
				.contentLength(length)
				.build(), RequestBody.fromInputStream(content, length));
		}
		catch (SdkException | IllegalStateException ex) {
			// IllegalStateException: a retry found the (streamed, not buffered) body
			// read.
			throw new IOException("Could not store " + key + " in bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return this.s3.getObject(GetObjectRequest.builder().bucket(this.bucket).key(this.prefix + key).build());
		}
		catch (NoSuchKeyException ex) {
			throw new NoSuchFileException(key);
		}
		catch (SdkException ex) {
			throw new IOException("Could not read " + key + " from bucket " + this.bucket + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			this.s3.deleteObject(DeleteObjectRequest.builder().bucket(this.bucket).key(this.prefix + key).build());
		}
		catch (SdkException ex) {
			throw new IOException("Could not delete " + key + " from bucket " + this.bucket + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public boolean exists(String key) throws IOException {
		try {
			this.s3.headObject(HeadObjectRequest.builder().bucket(this.bucket).key(this.prefix + key).build());
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw new IOException("Could not look up " + key + " in bucket " + this.bucket + ": " + ex.getMessage(),
					ex);
		}
		catch (SdkException ex) {
			throw new IOException("Could not look up " + key + " in bucket " + this.bucket + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public String toString() {
		return "S3 bucket " + this.bucket;
	}

}
