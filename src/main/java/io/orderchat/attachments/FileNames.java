package io.orderchat.attachments;

import java.text.Normalizer;

/**
 * Makes a client's file name safe to store, show and put in a header or a URL: no
 * directories, no control or reserved characters, no leading dots, at most 150
 * characters, and an extension that says what the bytes are.
 */
final class FileNames {

	static final int MAX_LENGTH = 150;

	private FileNames() {
	}

	static String sanitise(String original, FileType type) {
		String name = (original != null) ? Normalizer.normalize(original, Normalizer.Form.NFC) : "";
		// Browsers on Windows have sent full paths ("C:\\Users\\...\\a.png").
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder safe = new StringBuilder();
		name.codePoints().forEach((c) -> {
			boolean keep = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ' ' || c == '('
					|| c == ')';
			safe.appendCodePoint(keep ? c : '_');
		});
		String cleaned = safe.toString().strip().replaceAll("\\.{2,}", ".").replaceAll("^[. ]+", "");
		String base = stripExtension(cleaned);
		if (base.isBlank()) {
			base = "file";
		}
		String extension = "." + type.extension();
		int room = MAX_LENGTH - extension.length();
		if (base.length() > room) {
			base = base.substring(0, room);
		}
		return base + extension;
	}

	/**
	 * Drops the client's extension when it is one of the type's own spellings, so that
	 * "photo.jpeg" stays "photo.jpg" and not "photo.jpeg.jpg"; any other extension stays
	 * part of the name ("report.exe" as a PDF becomes "report.exe.pdf").
	 */
	private static String stripExtension(String name) {
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return name;
		}
		String extension = name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
		boolean known = switch (extension) {
			case "jpg", "jpeg", "jfif", "png", "gif", "webp", "pdf", "doc", "docx", "xls", "xlsx", "txt" -> true;
			default -> false;
		};
		return known ? name.substring(0, dot) : name;
	}

}
