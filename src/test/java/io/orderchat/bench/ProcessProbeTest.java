package io.orderchat.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessProbeTest {

	@Test
	void readsTheJitCompilerThreadsShareOfAJvmsCpu() {
		long pid = ProcessHandle.current().pid();
		long jit = ProcessProbe.jitCompilerNanos(pid);
		// this JVM has compiled JUnit and AssertJ by now, on its compiler threads only
		assertThat(jit).isPositive().isLessThanOrEqualTo(ProcessProbe.cpuNanos(pid));
		assertThat(ProcessProbe.jitCompilerNanos(Long.MAX_VALUE)).isEqualTo(-1);
	}

}
