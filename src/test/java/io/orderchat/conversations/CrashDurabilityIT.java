package io.orderchat.conversations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.identity.Role;
import io.orderchat.testing.Api;
import io.orderchat.testing.IntegrationTest;
import io.orderchat.testing.IntegrationTest.Person;
import io.orderchat.testing.SendLoad;
import io.orderchat.testing.ServerProcess;
import io.orderchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledgement means "on disk": a server killed with {@code kill -9} under load
 * loses no acknowledged message, gives no acknowledged seq to another message and stores
 * a resent client id once — on the embedded H2 default as on PostgreSQL, over several
 * crashes.
 */
class CrashDurabilityIT {

	private static final int KILLS = 3;

	private static final int CONVERSATIONS = 4;

	/** Acknowledgements each round waits for before the kill, so the kill hits a load. */
	private static final int ACKS_PER_ROUND = 150;

	@Test
	void theEmbeddedH2DefaultKeepsEveryAcknowledgedMessageThroughKill9(@TempDir Path directory) throws Exception {
		// no DATABASE_URL: the H2 file database under ./data that bin/run uses
		survivesKills(new ServerProcess.Options("crash-h2").env("JWT_SECRET", IntegrationTest.SECRET)
			.workingDirectory(directory));
	}

	@Test
	void postgresKeepsEveryAcknowledgedMessageThroughKill9() throws Exception {
		survivesKills(ServerProcess.options("crash-pg", TestDatabase.freshPostgres()));
	}

	private void survivesKills(ServerProcess.Options options) throws Exception {
		// C1 only: four starts per test, where startup time is the cost
		options.javaOptions("-Xmx512m", "-XX:TieredStopAtLevel=1");
		SendLoad load = new SendLoad();
		List<String> logs = new ArrayList<>();
		for (int round = 0; round < KILLS; round++) {
			ServerProcess server = ServerProcess.start(options);
			logs.add(server.log().toString());
			if (round == 0) {
				placeOrders(server, load);
			}
			int before = load.ackedCount();
			load.start(server.port());
			long deadline = System.nanoTime() + 20_000_000_000L;
			while (load.ackedCount() < before + ACKS_PER_ROUND && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(load.ackedCount())
				.as("acknowledged before kill %d; refusals %s; %s", round + 1, load.refusals(), logs)
				.isGreaterThanOrEqualTo(before + ACKS_PER_ROUND);
			server.kill9();
			load.stop();
		}
		try (ServerProcess server = ServerProcess.start(options)) {
			List<String> problems = load.verify(server.port());
			assertThat(problems).as("after %d kills, %d acknowledged messages; logs %s", KILLS, load.ackedCount(), logs)
				.isEmpty();
		}
	}

	/** Orders whose customer and performer send into the order's conversation. */
	private static void placeOrders(ServerProcess server, SendLoad load) {
		Api api = new Api(server.port());
		Person admin = new Person("admin-" + UUID.randomUUID(), "Ada Admin", Role.ADMIN);
		for (int i = 0; i < CONVERSATIONS; i++) {
			Person customer = new Person("customer-" + UUID.randomUUID(), "Carla Customer", Role.CUSTOMER);
			Person performer = new Person("performer-" + UUID.randomUUID(), "Pete Performer", Role.PERFORMER);
			Api.Response created = api.post("/api/orders/external", admin.token(),
					Api.json(Map.of("externalId", "crash-" + UUID.randomUUID(), "customer",
							Map.of("id", customer.id(), "name", customer.name()), "performer",
							Map.of("id", performer.id(), "name", performer.name()))));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			String conversation = created.data().path("chatRoomId").asString();
			load.add(customer, conversation).add(performer, conversation);
		}
	}

}
