package io.orderchat.socketio.conformance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Runs the protocol paths the suites exercise a few times before the server announces
 * itself, so that their first timed tests (200 ms ping timeouts) do not pay for class
 * loading and a cold JIT.
 */
final class Warmup {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String base;

	Warmup(int port) {
		this.base = "localhost:" + port;
	}

	void run(int rounds) {
		for (int i = 0; i < rounds; i++) {
			try {
				round("/engine.io/", "4hello");
				round("/socket.io/", "40");
			}
			catch (Exception ex) {
				// Warming up is best effort: the server works without it.
				return;
			}
		}
	}

	private void round(String path, String message) throws Exception {
		String http = "http://" + this.base + path + "?EIO=4&transport=";
		String handshake = get(http + "polling");
		String sid = handshake.substring(9, handshake.indexOf('"', 9));
		post(http + "polling&sid=" + sid, message);
		get(http + "polling&sid=" + sid);
		WebSocket upgraded = open("ws://" + this.base + path + "?EIO=4&transport=websocket&sid=" + sid);
		upgraded.sendText("2probe", true).get(2, TimeUnit.SECONDS);
		upgraded.sendText("5", true).get(2, TimeUnit.SECONDS);
		upgraded.sendText(message, true).get(2, TimeUnit.SECONDS);
		open("ws://" + this.base + path + "?EIO=4&transport=websocket&sid=" + sid).abort();
		get(http + "polling&sid=" + sid);
		upgraded.sendText("1", true).get(2, TimeUnit.SECONDS);
		WebSocket fresh = open("ws://" + this.base + path + "?EIO=4&transport=websocket");
		fresh.sendText(message, true).get(2, TimeUnit.SECONDS);
		fresh.sendText("abc", true).get(2, TimeUnit.SECONDS);
		Thread.sleep(20);
		fresh.abort();
		upgraded.abort();
	}

	private String get(String uri) throws Exception {
		return this.client
			.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private void post(String uri, String body) throws Exception {
		this.client.send(HttpRequest.newBuilder(URI.create(uri))
			.timeout(Duration.ofSeconds(2))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private WebSocket open(String uri) throws Exception {
		return this.client.newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				webSocket.request(1);
				return null;
			}

		}).get(2, TimeUnit.SECONDS);
	}

}
