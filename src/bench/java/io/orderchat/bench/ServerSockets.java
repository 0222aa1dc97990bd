package io.orderchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The TCP sockets a server still holds on its listening ports, from {@code /proc/net/tcp} and
 * {@code tcp6}: after the generator closed its side of a storm's connections, they stay until
 * the server has closed its own (state {@code CLOSE_WAIT}, then {@code LAST_ACK}). Waiting for
 * none keeps one server's clean-up out of the other server's round, the same way for both.
 */
final class ServerSockets {

	private static final String LISTEN = "0A";

	private ServerSockets() {
	}

	/** Sockets (other than the listening one) whose local port is one of {@code ports}. */
	static int open(Collection<Integer> ports) {
		int count = 0;
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			try {
				count += count(Files.readString(Path.of(table)), ports);
			}
			catch (IOException ex) {
				// no IPv6 table: nothing to count there
			}
		}
		return count;
	}

	/**
	 * Counts in one table's text: each line is {@code sl local_address rem_address st ...},
	 * addresses as {@code HEXIP:HEXPORT}.
	 */
	static int count(String table, Collection<Integer> ports) {
		int count = 0;
		for (String line : table.split("\n")) {
			String[] fields = line.strip().split("\\s+");
			if (fields.length < 4 || !fields[0].endsWith(":") || LISTEN.equals(fields[3])) {
				continue;
			}
			String local = fields[1];
			int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
			if (ports.contains(port)) {
				count++;
			}
		}
		return count;
	}

}
