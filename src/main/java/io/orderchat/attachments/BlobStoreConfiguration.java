package io.orderchat.attachments;

import java.io.IOException;
import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Picks the blob store by {@code orderchat.attachments.storage.type}: {@code local}
 * (default, no external service) or {@code s3}. Scheduling is on for the sweep of unsent
 * pre-uploads.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class BlobStoreConfiguration {

	@Bean
	BlobStore blobStore(AttachmentProperties properties) throws IOException {
		AttachmentProperties.Storage storage = properties.storage();
		return switch (storage.type().strip().toLowerCase(java.util.Locale.ROOT)) {
			case "local" -> new LocalDiskBlobStore(storage.directory());
			case "s3" -> s3(storage.s3());
			default -> throw new IllegalStateException(
					"orderchat.attachments.storage.type must be 'local' or 's3', not '" + storage.type() + "'");
		};
	}

	static S3BlobStore s3(AttachmentProperties.S3 settings) {
		if (settings.bucket().isBlank()) {
			throw new IllegalStateException("orderchat.attachments.storage.s3.bucket is required for S3 storage");
		}
		return new S3BlobStore(client(settings), settings.bucket(), settings.prefix());
	}

	static S3Client client(AttachmentProperties.S3 settings) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClient(UrlConnectionHttpClient.create())
			.region(Region.of(settings.region()))
			.forcePathStyle(settings.pathStyle())
			// Plain signed PUTs with a known length: S3-compatible servers that do not
			// speak the newer chunked checksums accept them too.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
		if (!settings.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		if (!settings.accessKey().isBlank()) {
			builder.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		return builder.build();
	}

}
