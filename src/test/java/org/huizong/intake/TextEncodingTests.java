package org.huizong.intake;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextEncodingTests {

	@TempDir
	Path dir;

	@Test
	void detectsGbkWithoutBom() throws IOException {
		Path file = write("填报单位：第二环卫所\r\n专项名称,数量\r\n".getBytes(Charset.forName("GBK")));
		assertThat(TextEncoding.detect(file).label()).isEqualTo("GB18030");
	}

	@Test
	void detectsUtf8WithBom() throws IOException {
		Path file = write(("\ufeff专项名称,数量\r\n").getBytes(StandardCharsets.UTF_8));
		assertThat(TextEncoding.detect(file).label()).isEqualTo("UTF-8 BOM");
	}

	@Test
	void detectsUtf8WithoutBom() throws IOException {
		Path file = write("专项名称,数量\n城市家具专项整治,5\n".getBytes(StandardCharsets.UTF_8));
		assertThat(TextEncoding.detect(file).label()).isEqualTo("UTF-8");
	}

	@Test
	void aByteThatFitsNeitherIsAnErrorNamingItsLine() throws IOException {
		byte[] head = "专项名称,数量\n城市家具专项整治,5\n".getBytes(Charset.forName("GBK"));
		byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
		bytes[head.length] = 'x';
		bytes[head.length + 1] = (byte) 0xFF;
		bytes[head.length + 2] = '\n';
		Path file = write(bytes);
		assertThatThrownBy(() -> TextEncoding.detect(file)).isInstanceOf(RejectedFileException.class)
			.hasMessage("第3行含有既不是 UTF-8 也不是 GBK/GB18030 的字节（0xFF），请用 Excel 另存为“CSV UTF-8”或 .xlsx 后重新报送");
	}

	@Test
	void aBadByteAfterAUtf8BomIsNamed() throws IOException {
		byte[] text = "\ufeffa,b\n".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = java.util.Arrays.copyOf(text, text.length + 1);
		bytes[text.length] = (byte) 0xC3;
		Path file = write(bytes);
		assertThatThrownBy(() -> TextEncoding.detect(file)).isInstanceOf(RejectedFileException.class)
			.hasMessageStartingWith("文件标明为 UTF-8（带 BOM），但第2行含有");
	}

	private Path write(byte[] bytes) throws IOException {
		return Files.write(this.dir.resolve("f.csv"), bytes);
	}

}
