package io.orderchat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies point one way: realtime → domain modules → shared; inside realtime,
 * protocol vocabularies → gateway → pipeline → events.
 */
@AnalyzeClasses(packages = "io.orderchat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String[] DOMAIN = { "io.orderchat.identity..", "io.orderchat.orders..",
			"io.orderchat.conversations..", "io.orderchat.shared..", "io.orderchat.moderation..",
			"io.orderchat.support..", "io.orderchat.disputes..", "io.orderchat.audit..", "io.orderchat.attachments..",
			"io.orderchat.ratelimit..", "io.orderchat.transcripts..", "io.orderchat.search..",
			"io.orderchat.webhooks..", "io.orderchat.stats..", "io.orderchat.archive.." };

	@ArchTest
	static final ArchRule modulesHaveNoCycles = slices().matching("io.orderchat.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule realtimeHasNoCycles = slices().matching("io.orderchat.realtime.(**)")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule domainDoesNotKnowTransport = noClasses().that()
		.resideInAnyPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.realtime..", "io.orderchat.socketio..");

	/**
	 * Each client vocabulary stands alone: changing one app's wire cannot break
	 * another's.
	 */
	@ArchTest
	static final ArchRule vocabulariesAreIndependent = slices().matching("io.orderchat.realtime.protocol.(*)..")
		.should()
		.notDependOnEachOther();

	/**
	 * The pipeline carries node-neutral events: it knows neither sockets nor how any
	 * vocabulary shapes them.
	 */
	@ArchTest
	static final ArchRule pipelineKnowsNoSockets = noClasses().that()
		.resideInAnyPackage("io.orderchat.realtime.events..", "io.orderchat.realtime.pipeline..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.socketio..", "io.orderchat.realtime.gateway..",
				"io.orderchat.realtime.protocol..");

	/** The gateway is the vocabularies' machinery, not one of them. */
	@ArchTest
	static final ArchRule gatewayKnowsNoVocabulary = noClasses().that()
		.resideInAPackage("io.orderchat.realtime.gateway..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.realtime.protocol..");

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
		.resideInAnyPackage("io.orderchat.identity..", "io.orderchat.orders..", "io.orderchat.conversations..");

	/** Limits are counted for domain modules and the gateway alike; they know neither. */
	@ArchTest
	static final ArchRule rateLimitsKnowOnlyShared = noClasses().that()
		.resideInAPackage("io.orderchat.ratelimit..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.identity..", "io.orderchat.orders..", "io.orderchat.conversations..",
				"io.orderchat.moderation..", "io.orderchat.support..", "io.orderchat.disputes..",
				"io.orderchat.audit..", "io.orderchat.attachments..");

	@ArchTest
	static final ArchRule conversationsDoNotKnowOrders = noClasses().that()
		.resideInAPackage("io.orderchat.conversations..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.orders..");

}
