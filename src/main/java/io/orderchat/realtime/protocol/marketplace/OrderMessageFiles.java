package io.orderchat.realtime.protocol.marketplace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.orderchat.conversations.Message;
import io.orderchat.realtime.gateway.AttachmentReferences;
import io.orderchat.realtime.gateway.Payload;
import io.orderchat.realtime.protocol.marketplace.MarketplaceEvents.Attachment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The files of an {@code order_message}: {@code [{fileUrl, fileName}]} (DIALECTS.md
 * §5.1). A {@code fileUrl} of a file uploaded to OrderChat sends that file, with its
 * access checks; any other {@code http}/{@code https} URL is a link, stored in the
 * message's {@code metadata.links} and shown as a link, never fetched or served by
 * OrderChat (so it cannot be used to make the server reach anywhere), and refused when
 * its host is not on the configured {@link LinkHosts}.
 */
record OrderMessageFiles(List<UUID> uploaded, List<Map<String, Object>> links) {

	/** The metadata key of a message's external links. */
	static final String LINKS = "links";

	private static final String UPLOADS = "/uploads/chat-attachments/";

	static OrderMessageFiles of(JsonNode attachments, LinkHosts hosts) {
		if (attachments == null || attachments.isMissingNode() || attachments.isNull()) {
			return new OrderMessageFiles(List.of(), List.of());
		}
		if (!attachments.isArray()) {
			throw invalid();
		}
		ArrayNode uploads = JsonNodeFactory.instance.arrayNode();
		List<Map<String, Object>> links = new ArrayList<>();
		for (JsonNode item : attachments) {
			if (!item.isObject() || !item.path("fileUrl").isString()) {
				throw invalid();
			}
			String url = item.path("fileUrl").stringValue().strip();
			if (url.contains(UPLOADS)) {
				uploads.add(item);
			}
			else {
				Map<String, Object> link = new LinkedHashMap<>();
				link.put("fileUrl", externalLink(url, hosts));
				link.put("fileName", item.path("fileName").isString() ? item.path("fileName").stringValue() : null);
				links.add(link);
			}
		}
		List<UUID> ids = uploads.isEmpty() ? List.of() : AttachmentReferences.ids(uploads);
		if (!ids.isEmpty() && !links.isEmpty()) {
			throw Payload.invalid("Send uploaded files and external links in separate messages");
		}
		return new OrderMessageFiles(ids, List.copyOf(links));
	}

	boolean none() {
		return this.uploaded.isEmpty() && this.links.isEmpty();
	}

	/** The message's metadata carrying its links (null without links). */
	Map<String, Object> metadata() {
		return this.links.isEmpty() ? null : Map.of(LINKS, this.links);
	}

	/**
	 * A stored message's files in the marketplace's shape: its uploaded files, then its
	 * links.
	 */
	static List<Attachment> of(Message message) {
		List<Attachment> files = new ArrayList<>();
		for (Map<?, ?> file : AttachmentReferences.of(message)) {
			files.add(new Attachment(text(file.get("id")), text(file.get("file_url")), text(file.get("file_name")),
					(file.get("file_size") instanceof Number size) ? size.longValue() : null,
					text(file.get("file_type")), text(file.get("thumbnail_url")), false));
		}
		Object links = (message.metadata() != null) ? message.metadata().get(LINKS) : null;
		if (links instanceof List<?> list) {
			int index = 0;
			for (Object entry : list) {
				if (entry instanceof Map<?, ?> link && link.get("fileUrl") instanceof String url) {
					files.add(new Attachment(message.id() + ":" + index++, url, text(link.get("fileName")), null, null,
							null, true));
				}
			}
		}
		return files;
	}

	private static String externalLink(String url, LinkHosts hosts) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				if (!hosts.allows(uri.getHost())) {
					throw Payload.invalid("Links to '" + uri.getHost() + "' are not allowed here");
				}
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw Payload.invalid("'fileUrl' must name a file uploaded to OrderChat or an http(s) link");
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static RuntimeException invalid() {
		return Payload.invalid("'attachments' must be a list of { fileUrl, fileName } objects with a string fileUrl");
	}

}
