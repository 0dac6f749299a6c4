package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huizong.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console as its users meet it over HTTP: every page and API call with no account,
 * the office's, the unit's own and another unit's; uploads, forged ones refused;
 * lock-out.
 */
class WebConsoleTests {

	static final String OWN = "第一环卫所";

	static final String OTHER = "第二环卫所";

	@TempDir
	Path dir;

	/** The answers pinned: none, office, the unit's own account, another unit's. */
	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void letsEachAccountSeeWhatItMayAndNoMore(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir); Console console = Console.start(db, this.dir)) {
			String unitPage = "/units/" + URLEncoder.encode(OWN, StandardCharsets.UTF_8).replace("+", "%20");
			Object[][] expected = {
					// path, none, office, own unit, other unit
					{ "/api/periods/2017-06/status", 401, 200, 403, 403 },
					{ "/api/periods/2017-06/consolidated?level=unit", 401, 200, 200, 200 },
					{ "/api/periods/2017-06/consolidated?level=campaign", 401, 200, 403, 403 },
					{ "/", 302, 200, 302, 302 }, { "/periods/2017-06", 302, 200, 403, 403 },
					{ "/periods/2017-06/chart.json", 302, 200, 403, 403 },
					{ "/periods/2017-06/export.csv?level=campaign", 302, 200, 403, 403 },
					{ unitPage, 302, 200, 200, 403 }, { "/audit", 302, 200, 403, 403 } };
			Client[] clients = { console.anonymous(), console.login("office", "office-pass"),
					console.login("clerk1", "clerk1-pass"), console.login("clerk2", "clerk2-pass") };
			Client[] basic = { console.anonymous(), console.basic("office", "office-pass"),
					console.basic("clerk1", "clerk1-pass"), console.basic("clerk2", "clerk2-pass") };
			List<String> answers = new ArrayList<>();
			List<String> pinned = new ArrayList<>();
			for (Object[] row : expected) {
				String path = (String) row[0];
				for (int c = 0; c < clients.length; c++) {
					Client client = path.startsWith("/api/") ? basic[c] : clients[c];
					answers.add(path + " " + c + " " + client.get(path).statusCode());
					pinned.add(path + " " + c + " " + row[c + 1]);
				}
			}
			assertThat(answers).containsExactlyElementsOf(pinned);
			assertThat(clients[0].get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
			assertThat(clients[2].get("/").headers().firstValue("Location").orElse("")).endsWith(unitPage);
			assertThat(clients[2].get("/api/periods/2017-06/consolidated").statusCode())
				.as("a session is no API account")
				.isEqualTo(401);
			assertThat(basic[2].get("/api/periods/2017-06/consolidated?level=unit").body())
				.contains("\"unit\":\"" + OWN)
				.doesNotContain(OTHER);
			assertThat(clients[1].get("/periods/2017-06").body()).contains(OWN, OTHER, "未报送", "第三环卫所");
			HttpResponse<String> login = clients[0].get("/login");
			assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'",
					"frame-ancestors 'none'");
			assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
			assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(clients[1]
				.get("/periods/2017-06/cells?campaign=" + encode("城市家具专项整治") + "&metric=" + encode("修理果壳箱"))
				.body()).contains("<td>第一环卫所_2017-06.xlsx</td><td>工作量</td>",
						"<td>D13</td><td>69</td><td class=\"num\">69</td>");
			assertThat(clients[2].post(unitPage + "/upload", "period=2017-06").statusCode())
				.as("a form without its CSRF token")
				.isEqualTo(403);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void loadsAUnitsOwnFileAndRefusesAForgedOneChangingNothing(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir); Console console = Console.start(db, this.dir)) {
			Client clerk = console.basic("clerk1", "clerk1-pass");
			byte[] own = Files.readAllBytes(console.generated.resolve(OWN + "_2017-06.xlsx"));
			byte[] others = Files.readAllBytes(console.generated.resolve(OTHER + "_2017-06.xlsx"));

			HttpResponse<String> loaded = clerk.upload("/api/periods/2017-06/submissions", "本单位.xlsx", own);
			assertThat(loaded.statusCode()).isEqualTo(200);
			assertThat(loaded.body()).contains("\"status\":\"loaded\"", "\"unit\":\"" + OWN + "\"")
				.containsPattern("\"name\":\"" + OWN + "_2017-06_\\d{8}-\\d{6}-\\d{3}\\.xlsx\"");

			long before = console.submissions();
			List<Path> files = console.inboxFiles();
			HttpResponse<String> forged = clerk.upload("/api/periods/2017-06/submissions", "本单位.xlsx", others);
			assertThat(forged.statusCode()).isEqualTo(403);
			assertThat(forged.body()).contains("文件的填报单位不是本单位（第一环卫所），已拒收");
			HttpResponse<String> climbing = clerk.upload("/api/periods/2017-06/submissions", "../../etc/本单位.xlsx", own);
			assertThat(climbing.statusCode()).isEqualTo(400);
			assertThat(climbing.body()).contains("文件名含有路径或控制字符，已拒收");
			assertThat(console.submissions()).isEqualTo(before);
			assertThat(console.inboxFiles()).isEqualTo(files);
			assertThat(Files.exists(this.dir.resolve("etc"))).isFalse();

			HttpResponse<String> byOffice = console.basic("office", "office-pass")
				.upload("/api/periods/2017-06/submissions", OTHER + "_2017-06.xlsx", others);
			assertThat(byOffice.statusCode()).isEqualTo(200);
			assertThat(byOffice.body()).contains("\"status\":\"loaded\"", "\"unit\":\"" + OTHER + "\"");
		}
	}

	/**
	 * Uploads at once all load: those that arrive while a run goes on are loaded by the
	 * next.
	 */
	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void loadsEveryFileOfUploadsAtOnce(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir); Console console = Console.start(db, this.dir)) {
			byte[][] files = { Files.readAllBytes(console.generated.resolve(OWN + "_2017-06.xlsx")),
					Files.readAllBytes(console.generated.resolve(OTHER + "_2017-06.xlsx")) };
			java.util.concurrent.ExecutorService users = java.util.concurrent.Executors.newFixedThreadPool(8);
			try {
				List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					byte[] file = files[i % 2];
					answers.add(users.submit(() -> console.basic("office", "office-pass")
						.upload("/api/periods/2017-06/submissions", "上传.xlsx", file)));
				}
				for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
					assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
					assertThat(answer.get().body()).contains("\"status\":\"loaded\"");
				}
			}
			finally {
				users.shutdown();
			}
			assertThat(console.inboxFiles()).hasSize(8);
			Long current = console.context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM submission WHERE status = 'loaded'", Long.class);
			assertThat(current).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void refusesAnUploadOverTheLimitStoringNothing(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir);
				Console console = Console.start(db, this.dir, Map.of("huizong.upload-limit", "4KB"))) {
			byte[] own = Files.readAllBytes(console.generated.resolve(OWN + "_2017-06.xlsx"));
			assertThat(own.length).isGreaterThan(4096);
			long before = console.submissions();
			HttpResponse<String> answer = console.basic("clerk1", "clerk1-pass")
				.upload("/api/periods/2017-06/submissions", "本单位.xlsx", own);
			assertThat(answer.statusCode()).isEqualTo(413);
			assertThat(console.submissions()).isEqualTo(before);
			assertThat(console.inboxFiles()).isEmpty();
		}
	}

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void locksAnAccountAfterFiveWrongPasswords(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir); Console console = Console.start(db, this.dir)) {
			for (int i = 0; i < 5; i++) {
				assertThat(console.basic("clerk1", "wrong-pass").get("/api/periods/2017-06/consolidated").statusCode())
					.isEqualTo(401);
			}
			assertThat(console.basic("clerk1", "clerk1-pass").get("/api/periods/2017-06/consolidated").statusCode())
				.isEqualTo(401);
			assertThat(console.basic("clerk2", "clerk2-pass").get("/api/periods/2017-06/consolidated").statusCode())
				.isEqualTo(200);
		}
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A console on a free port over a period that 第一 and 第二环卫所 sent, with accounts. */
	static final class Console implements AutoCloseable {

		final ConfigurableApplicationContext context;

		final String base;

		final Path inbox;

		final Path generated;

		private Console(ConfigurableApplicationContext context, Path inbox, Path generated) {
			this.context = context;
			this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			this.inbox = inbox;
			this.generated = generated;
		}

		static Console start(TestDatabase db, Path dir) throws Exception {
			return start(db, dir, Map.of());
		}

		static Console start(TestDatabase db, Path dir, Map<String, Object> settings) throws Exception {
			Path generated = dir.resolve("generated");
			assertThat(RunCommandTests
				.run("generate", "--units", "2", "--rows", "10", "--formats", "xlsx", "--out", generated.toString())
				.exit()).isZero();
			RunCommandTests.Result run = RunCommandTests.run("run", "--period", "2017-06", "--inbox",
					generated.toString(), "--db", db.url());
			assertThat(run.exit()).as(run.err()).isIn(0, 3);
			user(db, "office", "office-pass", "--role", "office");
			user(db, "clerk1", "clerk1-pass", "--role", "unit", "--unit", OWN);
			user(db, "clerk2", "clerk2-pass", "--role", "unit", "--unit", OTHER);
			Path inbox = dir.resolve("inbox");
			Map<String, Object> properties = new java.util.LinkedHashMap<>(settings);
			properties.put("spring.datasource.url", db.url());
			properties.put("huizong.catalog", dir.resolve("catalog").toString());
			return new Console(ConsoleCommands.startConsole(properties, 0, null, inbox), inbox, generated);
		}

		private static void user(TestDatabase db, String name, String password, String... options) throws IOException {
			List<String> args = new ArrayList<>(List.of("user", "add", name));
			args.addAll(List.of(options));
			args.addAll(List.of("--db", db.url()));
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			int exit = ConsoleCommands.user(args.toArray(String[]::new),
					new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
					new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
					Map.of("spring.datasource.url", db.url()), Cli::startForTests);
			assertThat(exit).isZero();
		}

		long submissions() {
			Long count = this.context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM submission", Long.class);
			return (count != null) ? count : 0;
		}

		List<Path> inboxFiles() throws IOException {
			if (!Files.exists(this.inbox)) {
				return List.of();
			}
			try (java.util.stream.Stream<Path> files = Files.walk(this.inbox)) {
				return files.filter(Files::isRegularFile).sorted().toList();
			}
		}

		Client anonymous() {
			return new Client(this.base, null);
		}

		Client basic(String name, String password) {
			return new Client(this.base, "Basic "
					+ Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}

		/** A browser's session: the login form, its CSRF token and cookie. */
		Client login(String name, String password) throws Exception {
			Client client = new Client(this.base, null);
			String form = client.get("/login").body();
			HttpResponse<String> answer = client.post("/login", "username=" + name + "&password=" + password + "&_csrf="
					+ URLEncoder.encode(Client.csrf(form), StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
			return client;
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	/** One user agent: its cookies, and HTTP Basic if given. */
	static final class Client {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private final String base;

		private final String authorization;

		private final HttpClient http;

		Client(String base, String authorization) {
			this.base = base;
			this.authorization = authorization;
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
		}

		static String csrf(String page) {
			Matcher matcher = CSRF.matcher(page);
			assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
			return matcher.group(1);
		}

		HttpResponse<String> get(String path) throws Exception {
			return send(request(path).GET());
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		HttpResponse<String> upload(String path, String fileName, byte[] content) throws Exception {
			String boundary = "huizong-test-boundary";
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
			if (this.authorization != null) {
				request.header("Authorization", this.authorization);
			}
			return request;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

	}

}
