package io.orderchat.attachments;

/**
 * The kinds of file OrderChat accepts at all; {@link AttachmentProperties} narrows them
 * per channel. The content type is what downloads are served as.
 */
public enum FileType {

	JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), GIF("image/gif", "gif"), WEBP("image/webp", "webp"),
	PDF("application/pdf", "pdf"), DOC("application/msword", "doc"),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
	XLS("application/vnd.ms-excel", "xls"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"), TXT("text/plain", "txt");

	private final String contentType;

	private final String extension;

	FileType(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

	public boolean image() {
		return this.contentType.startsWith("image/");
	}

	/**
	 * Whether a browser may show it in place: images only. Everything else is served as a
	 * download, so an uploaded file never runs as a page of our origin.
	 */
	boolean inline() {
		return image();
	}

	static FileType ofContentType(String contentType) {
		for (FileType type : values()) {
			if (type.contentType.equals(contentType)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Not a known file type: " + contentType);
	}

}
