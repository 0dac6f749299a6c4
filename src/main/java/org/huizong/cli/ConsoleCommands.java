package org.huizong.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.huizong.HuizongApplication;
import org.huizong.web.Accounts;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code user add|disable|passwd NAME} and the web console that {@code serve --port}
 * starts: a context of its own, with the pipeline's beans and the console's.
 */
final class ConsoleCommands {

	static final Map<String, Set<String>> USER_OPTIONS = Map.of("user", Set.of("role", "unit", "db"));

	/** The largest upload, unless {@code huizong.upload-limit} says otherwise. */
	static final String UPLOAD_LIMIT = "20MB";

	private ConsoleCommands() {
	}

	/**
	 * {@code user add NAME --role office|unit [--unit UNIT]}, {@code user passwd NAME},
	 * {@code user disable NAME}; the password is the first line of standard input.
	 */
	static int user(String[] args, InputStream in, PrintStream out, Map<String, Object> database,
			java.util.function.Function<Map<String, Object>, ConfigurableApplicationContext> start) throws IOException {
		if (args.length < 3 || args[2].startsWith("--")) {
			throw new UsageException("用法：user add NAME --role office|unit [--unit UNIT] [--db JDBC_URL]；"
					+ "user passwd NAME；user disable NAME（密码从标准输入的第一行读取）");
		}
		String action = args[1];
		String name = args[2];
		String[] rest = new String[args.length - 2];
		rest[0] = "user";
		System.arraycopy(args, 3, rest, 1, args.length - 3);
		Arguments options = Arguments.parse(rest, USER_OPTIONS);
		Map<String, Object> properties = new LinkedHashMap<>(database);
		switch (action) {
			case "add" -> {
				Accounts.Role role;
				try {
					role = Accounts.Role.parse(options.required("role"));
				}
				catch (IllegalArgumentException ex) {
					throw new UsageException(ex.getMessage());
				}
				String password = password(in);
				try (ConfigurableApplicationContext context = start.apply(properties)) {
					accounts(context).add(name, password, role, options.optional("unit"));
				}
				catch (IllegalArgumentException ex) {
					throw new UsageException(ex.getMessage());
				}
				out.println("已建立账号 " + name + "（"
						+ ((role == Accounts.Role.OFFICE) ? "区办" : "单位：" + options.optional("unit")) + "）");
				return Cli.OK;
			}
			case "passwd" -> {
				String password = password(in);
				try (ConfigurableApplicationContext context = start.apply(properties)) {
					if (!accounts(context).setPassword(name, password)) {
						throw new UsageException("没有账号 " + name);
					}
				}
				catch (IllegalArgumentException ex) {
					throw new UsageException(ex.getMessage());
				}
				out.println("已更改账号 " + name + " 的密码");
				return Cli.OK;
			}
			case "disable" -> {
				try (ConfigurableApplicationContext context = start.apply(properties)) {
					if (!accounts(context).disable(name)) {
						throw new UsageException("没有账号 " + name);
					}
				}
				out.println("已停用账号 " + name);
				return Cli.OK;
			}
			default -> throw new UsageException("user 只有 add、passwd、disable：" + action);
		}
	}

	private static Accounts accounts(ConfigurableApplicationContext context) {
		return new Accounts(context.getBean(JdbcTemplate.class), Clock.systemDefaultZone());
	}

	private static String password(InputStream in) throws IOException {
		String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
		if (line == null || line.isEmpty()) {
			throw new UsageException("密码应在标准输入的第一行");
		}
		return line;
	}

	/**
	 * The console on {@code port} (0: any free one), on {@code bind} (127.0.0.1 unless
	 * told), storing uploads under {@code inbox}. It runs without the build's prepared
	 * context, which holds the commands' beans only.
	 */
	static ConfigurableApplicationContext startConsole(Map<String, Object> database, int port, String bind,
			Path inbox) {
		Map<String, Object> properties = new LinkedHashMap<>(database);
		properties.put("server.port", port);
		properties.put("server.address", (bind != null) ? bind : "127.0.0.1");
		properties.put("spring.profiles.active", "web");
		properties.put("spring.main.web-application-type", "servlet");
		properties.put("huizong.web.inbox", inbox.toAbsolutePath().normalize().toString());
		properties.put("spring.servlet.multipart.max-file-size", "${huizong.upload-limit:" + UPLOAD_LIMIT + "}");
		properties.put("spring.servlet.multipart.max-request-size", "${huizong.upload-limit:" + UPLOAD_LIMIT + "}");
		properties.put("server.servlet.session.cookie.same-site", "strict");
		properties.put("server.error.include-message", "always");
		// uploads wait for their period's run without a connection; pages and logins go
		// on meanwhile
		properties.putIfAbsent("spring.datasource.hikari.maximum-pool-size", 20);
		String aot = System.getProperty("spring.aot.enabled");
		System.setProperty("spring.aot.enabled", "false");
		try {
			String[] args = properties.entrySet()
				.stream()
				.map((e) -> "--" + e.getKey() + "=" + e.getValue())
				.toArray(String[]::new);
			return new SpringApplicationBuilder(HuizongApplication.class).web(WebApplicationType.SERVLET)
				.registerShutdownHook(false)
				.run(args);
		}
		finally {
			if (aot != null) {
				System.setProperty("spring.aot.enabled", aot);
			}
			else {
				System.clearProperty("spring.aot.enabled");
			}
		}
	}

}
