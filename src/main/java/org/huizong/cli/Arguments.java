package org.huizong.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.huizong.period.Period;

/**
 * A command and its {@code --name value} options, checked against what the command takes.
 */
final class Arguments {

	/**
	 * The years a period may fall in: a typo such as 0000-01 is told, not consolidated.
	 */
	private static final int FIRST_YEAR = 2000;

	private static final int LAST_YEAR = 2099;

	private final String command;

	private final Map<String, String> options;

	private Arguments(String command, Map<String, String> options) {
		this.command = command;
		this.options = options;
	}

	static Arguments parse(String[] args, Map<String, Set<String>> commands) {
		if (args.length == 0) {
			throw new UsageException("缺少命令");
		}
		String command = args[0];
		Set<String> allowed = commands.get(command);
		if (allowed == null) {
			throw new UsageException("未知命令：" + command);
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new UsageException("多余的参数：" + arg);
			}
			String name = arg.substring(2);
			String value;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else if (name.equals("force") || name.equals("help") || name.equals("compare")) {
				value = "true";
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new UsageException("选项 --" + name + " 缺少取值");
			}
			if (!allowed.contains(name)) {
				throw new UsageException("命令 " + command + " 不接受选项 --" + name);
			}
			if (options.put(name, value) != null) {
				throw new UsageException("选项 --" + name + " 给了不止一次");
			}
		}
		return new Arguments(command, options);
	}

	String command() {
		return this.command;
	}

	String required(String name) {
		String value = this.options.get(name);
		if (value == null || value.isBlank()) {
			throw new UsageException("缺少选项 --" + name);
		}
		return value;
	}

	String optional(String name) {
		return this.options.get(name);
	}

	/** A duration such as {@code 10m}, {@code 30s}, {@code 0}. */
	java.time.Duration duration(String name, java.time.Duration otherwise) {
		String value = optional(name);
		if (value == null) {
			return otherwise;
		}
		java.util.regex.Matcher m = Pattern.compile("(\\d+)\\s*(s|m|h)?").matcher(value.strip());
		if (!m.matches()) {
			throw new UsageException("--" + name + " 应为时长，如 30s、10m、1h：" + value);
		}
		long amount = Long.parseLong(m.group(1));
		String unit = (m.group(2) != null) ? m.group(2) : "s";
		return switch (unit) {
			case "h" -> java.time.Duration.ofHours(amount);
			case "m" -> java.time.Duration.ofMinutes(amount);
			default -> java.time.Duration.ofSeconds(amount);
		};
	}

	int positive(String name, int otherwise) {
		String value = optional(name);
		if (value == null) {
			return otherwise;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("--" + name + " 应为正整数：" + value);
	}

	/** {@code --severity code=level,…} as settings, each rule's code checked. */
	Map<String, String> severities() {
		Map<String, String> settings = new LinkedHashMap<>();
		String value = optional("severity");
		if (value == null) {
			return settings;
		}
		for (String pair : value.split(",")) {
			String[] parts = pair.split("=", 2);
			if (parts.length != 2) {
				throw new UsageException("--severity 应为 代码=级别，如 total.mismatch=error：" + pair);
			}
			String code = parts[0].strip();
			String level = parts[1].strip().toLowerCase(java.util.Locale.ROOT);
			try {
				org.huizong.issue.IssueCode.byCode(code);
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException("未知的规则代码：" + code);
			}
			if (!Set.of("error", "warning", "info", "ignore").contains(level)) {
				throw new UsageException("级别只能是 error、warning、info 或 ignore：" + parts[1]);
			}
			settings.put("huizong.severity[" + code + "]", level);
		}
		return settings;
	}

	String period() {
		String period = required("period");
		if (!Period.isPeriod(period)) {
			throw new UsageException("期间格式不对：" + period + "（应为月份 2017-06、季度 2017-Q2、半年 2017-H1 或年度 2017）");
		}
		int year = Integer.parseInt(period.substring(0, 4));
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new UsageException("期间的年份 " + year + " 不在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间：" + period);
		}
		return period;
	}

}
