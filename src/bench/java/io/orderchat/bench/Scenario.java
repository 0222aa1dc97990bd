package io.orderchat.bench;

/** One benchmark scenario of docs/benchmarks.md. */
interface Scenario {

	String name();

	Result run(Context context) throws Exception;

}
