package io.orderchat.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.orderchat.testing.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds and sends a multipart/form-data request the way a browser's FormData does. */
final class Multipart {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String boundary = "----orderchat" + UUID.randomUUID().toString().replace("-", "");

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	Multipart field(String name, String value) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n");
		return this;
	}

	Multipart file(String field, String fileName, String contentType, byte[] bytes) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		this.body.writeBytes(bytes);
		write("\r\n");
		return this;
	}

	byte[] bytes() {
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		copy.writeBytes(this.body.toByteArray());
		copy.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return copy.toByteArray();
	}

	String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	Api.Response post(int port, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode parsed = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
			return new Api.Response(response.statusCode(), parsed, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Real files, made here. */
	static final class Files {

		private Files() {
		}

		static byte[] png(int width, int height) {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D g = image.createGraphics();
			g.setColor(java.awt.Color.ORANGE);
			g.fillRect(0, 0, width, height);
			g.setColor(java.awt.Color.BLUE);
			g.fillOval(width / 4, height / 4, width / 2, height / 2);
			g.dispose();
			return encode(image, "png");
		}

		static byte[] jpeg(int width, int height) {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			return encode(image, "jpg");
		}

		static byte[] gif(int width, int height) {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
					java.awt.image.BufferedImage.TYPE_BYTE_INDEXED);
			return encode(image, "gif");
		}

		/** A minimal, valid one-page PDF. */
		static byte[] pdf() {
			List<String> objects = new ArrayList<>();
			objects.add("<< /Type /Catalog /Pages 2 0 R >>");
			objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
			objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
			StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
			List<Integer> offsets = new ArrayList<>();
			for (int i = 0; i < objects.size(); i++) {
				offsets.add(pdf.length());
				pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
			}
			int xref = pdf.length();
			pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
			for (int offset : offsets) {
				pdf.append(String.format("%010d 00000 n \n", offset));
			}
			pdf.append("trailer\n<< /Size ")
				.append(objects.size() + 1)
				.append(" /Root 1 0 R >>\nstartxref\n")
				.append(xref)
				.append("\n%%EOF\n");
			return pdf.toString().getBytes(StandardCharsets.US_ASCII);
		}

		private static byte[] encode(java.awt.image.BufferedImage image, String format) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				javax.imageio.ImageIO.write(image, format, out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

	}

}
