package io.orderchat.realtime.gateway;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every dialect the server speaks; filled once at start-up, read on every delivery. */
public final class Dialects implements Iterable<Dialect> {

	private final List<Dialect> all = new CopyOnWriteArrayList<>();

	/**
	 * Adds a dialect and its commands. The default one comes first: a socket that has not
	 * spoken yet hears every dialect's user-directed events, the default's first.
	 */
	public <D extends Dialect> D add(D dialect, CommandRouter router) {
		if (dialect.spokenByDefault()) {
			this.all.addFirst(dialect);
		}
		else {
			this.all.add(dialect);
		}
		dialect.register(router);
		return dialect;
	}

	/** The vocabulary of a socket that has not spoken yet: the canonical one. */
	public Dialect byDefault() {
		return this.all.stream()
			.filter(Dialect::spokenByDefault)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No default vocabulary registered"));
	}

	@Override
	public Iterator<Dialect> iterator() {
		return this.all.iterator();
	}

}
