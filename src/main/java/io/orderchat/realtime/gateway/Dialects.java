package io.orderchat.realtime.gateway;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every dialect the server speaks; filled once at start-up, read on every delivery. */
final class Dialects implements Iterable<Dialect> {

	private final List<Dialect> all = new CopyOnWriteArrayList<>();

	/** Adds a dialect and its commands. */
	<D extends Dialect> D add(D dialect, CommandRouter router) {
		this.all.add(dialect);
		dialect.register(router);
		return dialect;
	}

	@Override
	public Iterator<Dialect> iterator() {
		return this.all.iterator();
	}

}
