package io.orderchat.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * Tells a file's type from its first bytes with Tika's magic database. The client's file
 * name and declared type are never asked, with one narrow exception: Tika's core tells an
 * OLE2 (old Office) or OOXML (new Office) container from its bytes but not which Office
 * format is inside, so for those containers only, the extension picks DOC or XLS, DOCX or
 * XLSX. A PNG name on bytes that are not a PNG stays refused.
 */
final class FileTypeDetector {

	/** How much of the head of a file detection reads (Tika's magic needs far less). */
	static final int HEAD = 64 * 1024;

	private static final MimeTypes magic = MimeTypes.getDefaultMimeTypes();

	private FileTypeDetector() {
	}

	static Optional<FileType> detect(byte[] head, int length, String fileName) {
		MediaType detected;
		try {
			detected = magicType(head, length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String extension = extension(fileName);
		return Optional.ofNullable(switch (detected.getBaseType().toString()) {
			case "image/jpeg" -> FileType.JPEG;
			case "image/png" -> FileType.PNG;
			case "image/gif" -> FileType.GIF;
			case "image/webp" -> FileType.WEBP;
			case "application/pdf" -> FileType.PDF;
			case "text/plain" -> FileType.TXT;
			case "application/x-tika-msoffice" -> switch (extension) {
				case "doc" -> FileType.DOC;
				case "xls" -> FileType.XLS;
				default -> null;
			};
			case "application/x-tika-ooxml" -> switch (extension) {
				case "docx" -> FileType.DOCX;
				case "xlsx" -> FileType.XLSX;
				default -> null;
			};
			default -> null;
		});
	}

	/** A name of what the bytes are, for error messages. */
	static String describe(byte[] head, int length) {
		try {
			return magicType(head, length).getBaseType().toString();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** No resource name in the metadata: the bytes alone decide. */
	private static MediaType magicType(byte[] head, int length) throws IOException {
		try (TikaInputStream bytes = TikaInputStream.get(new ByteArrayInputStream(head, 0, length))) {
			return magic.detect(bytes, new Metadata(), new ParseContext());
		}
	}

	private static String extension(String fileName) {
		int dot = (fileName != null) ? fileName.lastIndexOf('.') : -1;
		return (dot < 0) ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
