package io.orderchat.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a failed cluster start as Spring Boot's short "APPLICATION FAILED TO START"
 * report.
 */
public class ClusterStartupFailureAnalyzer extends AbstractFailureAnalyzer<ClusterStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ClusterStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
