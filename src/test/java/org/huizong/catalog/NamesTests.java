package org.huizong.catalog;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "修理果壳箱[只]|修理果壳箱(只)", "发现问题（件）|发现问题(件)", "PM2.5 监测|pm2.5监测", "<一>城市家具|(一)城市家具",
			"5955㎡|5955m2", "７８|78", "【市容】　环境|(市容)环境", "1836余|1836余" })
	void foldsWidthsSpacesBracketsAndCase(String raw, String folded) {
		assertThat(Names.foldOnce(raw)).isEqualTo(folded);
		assertThat(Names.fold(raw)).isEqualTo(folded);
	}

	@Test
	void plainTextThatFoldingLeavesAsItIsIsNotCopied() {
		String raw = "城市家具专项整治-2017";
		assertThat(Names.foldOnce(raw)).isSameAs(raw);
	}

	/*
	 * Text of ASCII and common ideographs is folded without the normaliser; the result
	 * must be what the normaliser gives, for such text and for text just outside it.
	 */
	@Test
	void foldsPlainTextAsTheNormaliserDoes() {
		char[] alphabet = ("09azAZ !~[]<>()【】（）　\t\u00a0\u200b\ufeff㎡％，．" + "\u4e00\u9fff\u4dff\ua000\uf900\u2f00\u3000"
				+ "城市家具修理果壳箱发现问题余多约万")
			.toCharArray();
		Random random = new Random(20170601);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String raw = text.toString();
			assertThat(Names.foldOnce(raw)).as(raw).isEqualTo(Names.foldNormalized(raw));
		}
		for (char c = '!'; c <= '~'; c++) {
			String raw = "名" + c + "称";
			assertThat(Names.foldOnce(raw)).as(raw).isEqualTo(Names.foldNormalized(raw));
		}
	}

}
