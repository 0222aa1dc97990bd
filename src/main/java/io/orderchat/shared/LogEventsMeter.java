package io.orderchat.shared;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.LoggerFactory;

/**
 * Counts the log events written, by level, as {@code logback.events} (Prometheus
 * {@code logback_events_total}, the name Micrometer's Logback binder uses), from an
 * appender on the root logger. Micrometer's binder counts with a Logback turbo filter,
 * and Logback runs every turbo filter on every level check — also on the debug checks
 * Jetty makes several times per WebSocket frame, a sixth of a broadcast's CPU
 * (docs/benchmarks.md). An appender only sees the events that are logged, which are the
 * ones counted.
 */
final class LogEventsMeter extends AppenderBase<ILoggingEvent> implements MeterBinder, AutoCloseable {

	private static final Map<Level, String> LEVELS = Map.of(Level.ERROR, "error", Level.WARN, "warn", Level.INFO,
			"info", Level.DEBUG, "debug", Level.TRACE, "trace");

	private Counter error;

	private Counter warn;

	private Counter info;

	private Counter debug;

	private Counter trace;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.error = counter(registry, Level.ERROR);
		this.warn = counter(registry, Level.WARN);
		this.info = counter(registry, Level.INFO);
		this.debug = counter(registry, Level.DEBUG);
		this.trace = counter(registry, Level.TRACE);
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			setContext(context);
			setName("orderchat-log-events");
			start();
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
		}
	}

	private static Counter counter(MeterRegistry registry, Level level) {
		return Counter.builder("logback.events")
			.tag("level", LEVELS.get(level))
			.description("Number of log events that were enabled by the effective log level")
			.baseUnit("events")
			.register(registry);
	}

	@Override
	protected void append(ILoggingEvent event) {
		Counter counter = switch (event.getLevel().toInt()) {
			case Level.ERROR_INT -> this.error;
			case Level.WARN_INT -> this.warn;
			case Level.INFO_INT -> this.info;
			case Level.DEBUG_INT -> this.debug;
			default -> this.trace;
		};
		counter.increment();
	}

	@Override
	public void close() {
		if (getContext() instanceof LoggerContext context) {
			Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			root.detachAppender(this);
		}
		stop();
	}

}
