package io.orderchat.pusher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Pusher server knows no Spring and no domain, and only its servlet binding knows the
 * container.
 */
@AnalyzeClasses(packages = "io.orderchat.pusher", importOptions = ImportOption.DoNotIncludeTests.class)
class PusherArchitectureTest {

	@ArchTest
	static final ArchRule noSpringNorDomain = noClasses().that()
		.resideInAPackage("io.orderchat.pusher..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.orderchat.identity..", "io.orderchat.orders..",
				"io.orderchat.conversations..", "io.orderchat.shared..", "io.orderchat.realtime..",
				"io.orderchat.socketio..");

	@ArchTest
	static final ArchRule protocolKnowsNoContainer = noClasses().that()
		.resideInAPackage("io.orderchat.pusher")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.servlet..", "org.eclipse.jetty..", "io.orderchat.pusher.servlet..");

}
