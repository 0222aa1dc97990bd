package io.orderchat.attachments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

	@Test
	void dropsDirectoriesAndCharactersThatCouldBreakAHeaderOrAPath() {
		assertThat(FileNames.sanitise("../../etc/passwd.png", FileType.PNG)).isEqualTo("passwd.png");
		assertThat(FileNames.sanitise("C:\\Users\\me\\Desktop\\scan.pdf", FileType.PDF)).isEqualTo("scan.pdf");
		assertThat(FileNames.sanitise("a\"b;\r\nc<script>.txt", FileType.TXT)).isEqualTo("a_b___c_script_.txt");
		assertThat(FileNames.sanitise("...hidden.png", FileType.PNG)).isEqualTo("hidden.png");
	}

	@Test
	void givesTheNameTheExtensionOfWhatTheBytesAre() {
		assertThat(FileNames.sanitise("photo.jpeg", FileType.JPEG)).isEqualTo("photo.jpg");
		assertThat(FileNames.sanitise("cat.png", FileType.GIF)).isEqualTo("cat.gif");
		assertThat(FileNames.sanitise("report.exe", FileType.PDF)).isEqualTo("report.exe.pdf");
		assertThat(FileNames.sanitise(null, FileType.PNG)).isEqualTo("file.png");
		assertThat(FileNames.sanitise("", FileType.TXT)).isEqualTo("file.txt");
	}

	@Test
	void keepsLettersOfEveryScriptAndBoundsTheLength() {
		assertThat(FileNames.sanitise("Рахунок замовлення.pdf", FileType.PDF)).isEqualTo("Рахунок замовлення.pdf");
		assertThat(FileNames.sanitise("x".repeat(500) + ".png", FileType.PNG)).hasSize(FileNames.MAX_LENGTH)
			.endsWith(".png");
	}

}
