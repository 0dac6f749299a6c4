package org.huizong.validate;

import java.util.Optional;
import java.util.regex.Pattern;

import org.huizong.catalog.Catalog;
import org.huizong.period.PeriodNames;

/**
 * The unit and period a file name gives: {@code 第三环卫所_2017-06.csv} is 第三环卫所 for 2017-06,
 * {@code 绿化管理站2017.06.xls} is 绿化管理站.
 */
public final class UnitNames {

	private static final Pattern NOISE = Pattern
		.compile("(20\\d{2}\\s*[-_.年/]?\\s*\\d{1,2}\\s*(月份?)?(\\s*[-_.]?\\s*\\d{1,2}\\s*日?)?)"
				+ "|(20\\d{2}\\s*[-_.]?\\s*[QqHh][1-4](?!\\d))|(20\\d{2}\\s*年?)|(\\d{6,8})|(第?[一二三四五六七八九十\\d]+\\s*(季度|期))|([上下]半年)"
				+ "|(v\\d+)|(修改版|修订版?|最终版|终版|定稿|报送|统计表|汇总表|报表|统计|情况表)", Pattern.CASE_INSENSITIVE);

	private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-—–.·,，、()（）\\[\\]【】]+");

	private UnitNames() {
	}

	public static String fromFileName(String fileName, Catalog catalog) {
		String base = baseName(fileName);
		Optional<String> known = catalog.unit(base);
		if (known.isPresent()) {
			return known.get();
		}
		String stripped = SEPARATORS.matcher(NOISE.matcher(base).replaceAll(" ")).replaceAll(" ").strip();
		String first = stripped.isEmpty() ? "" : stripped.split(" ")[0];
		if (first.isEmpty()) {
			return base.isBlank() ? "未知单位" : base.strip();
		}
		return catalog.unit(first).orElse(first);
	}

	public static Optional<String> periodOf(String fileName) {
		return PeriodNames.inFileName(baseName(fileName)).map(Object::toString);
	}

	private static String baseName(String fileName) {
		String name = fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

}
