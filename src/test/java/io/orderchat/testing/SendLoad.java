package io.orderchat.testing;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.orderchat.testing.IntegrationTest.Person;
import tools.jackson.databind.JsonNode;

/**
 * Senders that post messages over REST as fast as the server answers, each with a client
 * id of its own, and keep a ledger of what the server acknowledged: for tests that crash
 * or cut off the server under load. A send that got no acknowledgement (the server died,
 * or answered an error) is resent with the same client id when the load starts again.
 */
public final class SendLoad {

	/** What the server acknowledged: client id → the stored message. */
	private final Map<String, Acked> acked = new ConcurrentHashMap<>();

	/** Per sender, the send not acknowledged yet (to resend with its client id). */
	private final Map<Integer, String> unacked = new ConcurrentHashMap<>();

	/** Answers other than an acknowledgement, by error code. */
	private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

	private final List<Sender> senders = new ArrayList<>();

	private volatile boolean running;

	/** The longest wait for an answer since {@link #resetSlowest()}, in nanoseconds. */
	private final AtomicLong slowest = new AtomicLong();

	private final List<Thread> threads = new ArrayList<>();

	/** A sender: who sends into which conversation. */
	public record Sender(Person person, String token, String conversationId) {
	}

	/** A stored message as its acknowledgement described it. */
	public record Acked(String conversationId, String clientId, long seq, String id, String content) {
	}

	public SendLoad add(Person person, String conversationId) {
		this.senders.add(new Sender(person, person.token(), conversationId));
		return this;
	}

	/** Starts every sender against the server on {@code port}. */
	public void start(int port) {
		Api api = new Api(port);
		this.running = true;
		for (int i = 0; i < this.senders.size(); i++) {
			int index = i;
			this.threads.add(Thread.ofVirtual().start(() -> send(api, index)));
		}
	}

	/** Stops the senders and waits until they are done. */
	public void stop() throws InterruptedException {
		this.running = false;
		for (Thread thread : this.threads) {
			thread.join();
		}
		this.threads.clear();
	}

	public Map<String, Acked> acked() {
		return Map.copyOf(this.acked);
	}

	public int ackedCount() {
		return this.acked.size();
	}

	public Map<String, Integer> refusals() {
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		this.refusals.forEach((code, count) -> counts.put(code, count.get()));
		return counts;
	}

	/** The longest a send waited for its answer since {@link #resetSlowest()}. */
	public Duration slowest() {
		return Duration.ofNanos(this.slowest.get());
	}

	public void resetSlowest() {
		this.slowest.set(0);
	}

	public List<Sender> senders() {
		return List.copyOf(this.senders);
	}

	private void send(Api api, int index) {
		Sender sender = this.senders.get(index);
		int next = 0;
		while (this.running) {
			String clientId = this.unacked.get(index);
			if (clientId == null) {
				clientId = "s" + index + "-" + System.nanoTime() + "-" + next++;
				this.unacked.put(index, clientId);
			}
			Api.Response response;
			long started = System.nanoTime();
			try {
				response = api.post("/api/conversations/" + sender.conversationId() + "/messages", sender.token(),
						Api.json(Map.of("content", "text of " + clientId, "clientId", clientId)));
			}
			catch (UncheckedIOException | IllegalStateException serverGone) {
				// no answer: the send stays unacknowledged, to be resent
				sleep();
				continue;
			}
			long waited = System.nanoTime() - started;
			this.slowest.accumulateAndGet(waited, Math::max);
			if (response.status() == 201 || response.status() == 200) {
				JsonNode message = response.data().path("message");
				this.acked.put(clientId, new Acked(sender.conversationId(), clientId, message.path("seq").asLong(),
						message.path("id").asString(), message.path("content").asString()));
				this.unacked.remove(index);
			}
			else {
				this.refusals.computeIfAbsent(response.errorCode(), (code) -> new AtomicInteger()).incrementAndGet();
				sleep();
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Checks what the server on {@code port} stores against the ledger: every
	 * acknowledged message is stored once, at the seq and with the id and content its
	 * acknowledgement gave (no seq was given to another message), no client id is stored
	 * twice, and seqs are gap-free from 1 in every conversation.
	 * @return the problems found, empty when none
	 */
	public List<String> verify(int port) {
		Api api = new Api(port);
		List<String> problems = new ArrayList<>();
		Map<String, Sender> reader = new LinkedHashMap<>();
		this.senders.forEach((sender) -> reader.putIfAbsent(sender.conversationId(), sender));
		for (Sender sender : reader.values()) {
			Map<String, JsonNode> byClientId = new HashMap<>();
			Map<Long, JsonNode> bySeq = new HashMap<>();
			long after = 0;
			long expected = 1;
			while (true) {
				Api.Response page = api.get(
						"/api/conversations/" + sender.conversationId() + "/messages?after=" + after + "&limit=200",
						sender.token());
				if (page.status() != 200) {
					problems.add("history of " + sender.conversationId() + ": " + page);
					break;
				}
				for (JsonNode message : page.data().path("messages")) {
					long seq = message.path("seq").asLong();
					if (seq != expected) {
						problems.add(sender.conversationId() + ": seq " + seq + " where " + expected + " was due");
					}
					expected = seq + 1;
					after = seq;
					bySeq.put(seq, message);
					String clientId = message.path("clientId").asString("");
					if (!clientId.isEmpty() && byClientId.put(clientId, message) != null) {
						problems.add(sender.conversationId() + ": client id " + clientId + " stored twice");
					}
				}
				if (!page.data().path("hasMore").asBoolean()) {
					break;
				}
			}
			for (Acked ack : this.acked.values()) {
				if (!ack.conversationId().equals(sender.conversationId())) {
					continue;
				}
				JsonNode stored = bySeq.get(ack.seq());
				if (stored == null) {
					problems.add("acknowledged " + ack + " lost: no message at its seq");
				}
				else if (!stored.path("id").asString().equals(ack.id())
						|| !stored.path("content").asString().equals(ack.content())) {
					problems.add("acknowledged " + ack + " lost: its seq now holds " + stored);
				}
			}
		}
		return problems;
	}

}
