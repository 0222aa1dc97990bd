package io.orderchat.realtime.protocol.marketplace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderchat.shared.DomainException;
import io.orderchat.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderMessageFilesTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void noAttachmentsIsAPlainMessage() {
		assertThat(files(null).none()).isTrue();
		assertThat(files("[]").none()).isTrue();
		assertThat(OrderMessageFiles.of(MissingNode.getInstance(), LinkHosts.any()).none()).isTrue();
	}

	@Test
	void aFileUploadedToOrderChatIsSentByItsId() {
		UUID id = UUID.randomUUID();

		OrderMessageFiles files = files(
				"[{\"fileUrl\":\"/uploads/chat-attachments/" + id + "/a.png\",\"fileName\":\"a.png\"}]");

		assertThat(files.uploaded()).containsExactly(id);
		assertThat(files.links()).isEmpty();
		assertThat(files.metadata()).isNull();
	}

	@Test
	void anyOtherHttpUrlIsALinkKeptInTheMetadata() {
		OrderMessageFiles files = files(
				"[{\"fileUrl\":\"https://cdn.example.com/plan.pdf\",\"fileName\":\"plan.pdf\"}]");

		assertThat(files.uploaded()).isEmpty();
		assertThat(files.metadata()).isEqualTo(Map.of(OrderMessageFiles.LINKS,
				List.of(Map.of("fileUrl", "https://cdn.example.com/plan.pdf", "fileName", "plan.pdf"))));
	}

	@Test
	void refusesWhatIsNotAListOfObjectsWithAStringFileUrl() {
		for (String bad : List.of("\"a.png\"", "{\"fileUrl\":\"https://x.example/a\"}", "[\"https://x.example/a\"]",
				"[{\"fileName\":\"a.png\"}]", "[{\"fileUrl\":42}]")) {
			assertRefused(bad);
		}
	}

	@Test
	void refusesSchemesOtherThanHttpAndRelativeUrlsThatNameNoUpload() {
		for (String url : List.of("javascript:alert(1)", "ftp://x.example/a", "file:///etc/passwd", "/elsewhere/a.png",
				"not a url")) {
			assertRefused("[{\"fileUrl\":\"" + url + "\"}]");
		}
	}

	@Test
	void uploadsAndLinksGoInSeparateMessages() {
		assertRefused("[{\"fileUrl\":\"/uploads/chat-attachments/" + UUID.randomUUID()
				+ "/a.png\"},{\"fileUrl\":\"https://x.example/b\"}]");
	}

	@Test
	void withAnAllowListOnlyItsHostsAndTheirSubdomainsMayBeLinked() {
		LinkHosts hosts = new LinkHosts(List.of("Example.com"));

		assertThat(files("[{\"fileUrl\":\"https://cdn.example.com/a.pdf\"}]", hosts).links()).hasSize(1);
		assertThat(files("[{\"fileUrl\":\"http://example.com/a.pdf\"}]", hosts).links()).hasSize(1);
		for (String url : List.of("https://evil.test/a.pdf", "https://notexample.com/a.pdf",
				"https://example.com.evil.test/a.pdf")) {
			assertThatThrownBy(() -> files("[{\"fileUrl\":\"" + url + "\"}]", hosts)).as(url)
				.isInstanceOfSatisfying(DomainException.class,
						(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
		}
	}

	private static void assertRefused(String attachments) {
		assertThatThrownBy(() -> files(attachments)).as(attachments)
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
	}

	private static OrderMessageFiles files(String attachments) {
		return files(attachments, LinkHosts.any());
	}

	private static OrderMessageFiles files(String attachments, LinkHosts hosts) {
		JsonNode node = (attachments != null) ? json.readTree(attachments) : null;
		return OrderMessageFiles.of(node, hosts);
	}

}
