package io.orderchat.socketio;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine is layered like the reference implementation and knows no Spring or domain.
 */
@AnalyzeClasses(packages = "io.orderchat.socketio", importOptions = ImportOption.DoNotIncludeTests.class)
class SocketIoArchitectureTest {

	@ArchTest
	static final ArchRule noSpringNorDomain = noClasses().that()
		.resideInAPackage("io.orderchat.socketio..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.orderchat.identity..", "io.orderchat.orders..",
				"io.orderchat.conversations..", "io.orderchat.shared..", "io.orderchat.realtime..");

	@ArchTest
	static final ArchRule engineKnowsNothingAbove = noClasses().that()
		.resideInAPackage("io.orderchat.socketio.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.socketio", "io.orderchat.socketio.parser..",
				"io.orderchat.socketio.servlet..", "jakarta.servlet..", "org.eclipse.jetty..");

	@ArchTest
	static final ArchRule parserIsStandalone = noClasses().that()
		.resideInAPackage("io.orderchat.socketio.parser..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.orderchat.socketio", "io.orderchat.socketio.engine..",
				"io.orderchat.socketio.servlet..");

	@ArchTest
	static final ArchRule coreIgnoresTheWebServer = noClasses().that()
		.resideInAPackage("io.orderchat.socketio")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.servlet..", "org.eclipse.jetty..", "io.orderchat.socketio.servlet..");

}
