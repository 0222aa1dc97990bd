package io.orderchat;

import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.orderchat.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AOT cache's training workload (src/aot/Training.java, which bin/aot runs from
 * source) against this test's server: every connect, join, send, read and dialect command
 * it makes must succeed. A workload that silently fails — a renamed endpoint or event —
 * would still write a cache, only one that covers less of the hot paths than README
 * promises.
 */
class AotTrainingIT extends IntegrationTest {

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void theTrainingWorkloadRunsWithoutAFailedOperation() throws Exception {
		Path classes = Files.createDirectories(Path.of("target/aot-training-it"));
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		StringWriter errors = new StringWriter();
		boolean compiled = javac.getTask(errors, null, null, List.of("-d", classes.toString()), null,
				javac.getStandardFileManager(null, null, null)
					.getJavaFileObjects(Path.of("src/aot/Training.java").toFile()))
			.call();
		assertThat(compiled).as(errors.toString()).isTrue();

		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				ClassLoader.getPlatformClassLoader())) {
			Class<?> training = loader.loadClass("Training");
			Constructor<?> constructor = training.getDeclaredConstructor(int.class, String.class);
			// its members are package-private: a script's, not an API
			constructor.setAccessible(true);
			Object workload = constructor.newInstance(this.port, SECRET);
			Method drive = training.getDeclaredMethod("drive");
			drive.setAccessible(true);
			drive.invoke(workload);
			Field failures = training.getDeclaredField("failures");
			Field first = training.getDeclaredField("firstFailure");
			failures.setAccessible(true);
			first.setAccessible(true);
			assertThat(((LongAdder) failures.get(workload)).sum())
				.as("failed operations, first: %s", first.get(workload))
				.isZero();
		}
	}

}
