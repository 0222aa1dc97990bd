package io.orderchat.attachments;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderchat.shared.ErrorCode;

import org.springframework.stereotype.Component;

/** Bytes uploaded per file, and uploads refused by their error code. */
@Component
class UploadMetrics {

	private final MeterRegistry registry;

	private final DistributionSummary files;

	UploadMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.files = DistributionSummary.builder("orderchat.uploads")
			.description("Files stored, by size")
			.baseUnit("bytes")
			.register(registry);
	}

	void stored(long bytes) {
		this.files.record(bytes);
	}

	void refused(ErrorCode code) {
		this.registry.counter("orderchat.uploads.refused", "code", code.name()).increment();
	}

}
