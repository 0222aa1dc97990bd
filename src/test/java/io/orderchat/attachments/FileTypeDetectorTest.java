package io.orderchat.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypeDetectorTest {

	@Test
	void tellsImagesAndPdfsByTheirBytesWhateverTheirName() {
		assertThat(detect(Multipart.Files.png(5, 5), "photo.jpg")).hasValue(FileType.PNG);
		assertThat(detect(Multipart.Files.jpeg(5, 5), "noname")).hasValue(FileType.JPEG);
		assertThat(detect(Multipart.Files.gif(5, 5), "a.txt")).hasValue(FileType.GIF);
		assertThat(detect(ascii("RIFF\0\0\0\0WEBPVP8 "), "x")).hasValue(FileType.WEBP);
		assertThat(detect(Multipart.Files.pdf(), "invoice.png")).hasValue(FileType.PDF);
		assertThat(detect("Just some notes\nover two lines\n".getBytes(StandardCharsets.UTF_8), "notes.png"))
			.hasValue(FileType.TXT);
	}

	@Test
	void refusesAPngNameOnBytesThatAreNoPng() {
		byte[] noise = { 0x7f, 0x01, 0x02, (byte) 0xff, 0x00, 0x13, 0x37, (byte) 0x80 };

		assertThat(detect(noise, "cat.png")).isEmpty();
		assertThat(detect(ascii("<html><body>hi</body></html>"), "cat.png")).isEmpty();
		assertThat(detect(ascii("MZ\u0090\u0000\u0003\u0000\u0000\u0000"), "setup.pdf")).isEmpty();
		assertThat(detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"), "logo.png")).isEmpty();
	}

	@Test
	void letsTheExtensionPickTheOfficeFormatOnlyInsideAnOfficeContainer() throws IOException {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0,
				0, 0, 0, 0, 0, 0 };
		byte[] ooxml = ooxml("word/document.xml");
		byte[] plainZip = zip("readme.txt");

		assertThat(detect(ole2, "report.doc")).hasValue(FileType.DOC);
		assertThat(detect(ole2, "sheet.XLS")).hasValue(FileType.XLS);
		assertThat(detect(ole2, "report.png")).isEmpty();
		assertThat(detect(ooxml, "report.docx")).hasValue(FileType.DOCX);
		assertThat(detect(ooxml, "sheet.xlsx")).hasValue(FileType.XLSX);
		assertThat(detect(plainZip, "archive.docx")).isEmpty();
	}

	private static Optional<FileType> detect(byte[] bytes, String name) {
		return FileTypeDetector.detect(bytes, bytes.length, name);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] ooxml(String part) throws IOException {
		return zip("[Content_Types].xml", part);
	}

	private static byte[] zip(String... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<xml/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

}
