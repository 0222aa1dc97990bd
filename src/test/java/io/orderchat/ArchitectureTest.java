package io.orderchat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Dependencies point one way: realtime → domain modules → shared. */
@AnalyzeClasses(packages = "io.orderchat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainDoesNotKnowTransportOrCluster = noClasses().that()
		.resideInAnyPackage("io.orderchat.identity..", "io.orderchat.orders..", "io.orderchat.conversations..",
				"io.orderchat.shared..", "io.orderchat.moderation..", "io.orderchat.support..",
				"io.orderchat.disputes..", "io.orderchat.audit..", "io.orderchat.attachments..",
				"io.orderchat.ratelimit..", "io.orderchat.transcripts..", "io.orderchat.search..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.realtime..", "io.orderchat.socketio..", "io.orderchat.cluster..");

	/**
	 * The Socket.IO engine is a library the application uses: no Spring, and nothing of
	 * OrderChat outside it (domain modules, realtime gateway, vocabularies).
	 */
	@ArchTest
	static final ArchRule socketIoKnowsNoSpringNorApplication = noClasses().that()
		.resideInAPackage("io.orderchat.socketio..")
		.should()
		.dependOnClassesThat(resideInAPackage("org.springframework..")
			.or(resideInAPackage("io.orderchat..").and(not(resideInAPackage("io.orderchat.socketio..")))));

	@ArchTest
	static final ArchRule sharedDependsOnNoModule = noClasses().that()
		.resideInAPackage("io.orderchat.shared..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.identity..", "io.orderchat.orders..", "io.orderchat.conversations..",
				"io.orderchat.dialects..");

	/** Limits are counted for domain modules and the gateway alike; they know neither. */
	@ArchTest
	static final ArchRule rateLimitsKnowOnlyShared = noClasses().that()
		.resideInAPackage("io.orderchat.ratelimit..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.identity..", "io.orderchat.orders..", "io.orderchat.conversations..",
				"io.orderchat.moderation..", "io.orderchat.support..", "io.orderchat.disputes..",
				"io.orderchat.audit..", "io.orderchat.attachments..", "io.orderchat.dialects..");

	@ArchTest
	static final ArchRule conversationsDoNotKnowOrders = noClasses().that()
		.resideInAPackage("io.orderchat.conversations..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.orders..", "io.orderchat.dialects..");

}
