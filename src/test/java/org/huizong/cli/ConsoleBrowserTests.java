package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import org.huizong.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in Debian's Chromium, headless, as its users work in it: the office logs in
 * and sees who sent and who has not; a unit's clerk uploads a faulty workbook and sees
 * its faults at their cells, and cannot open another unit's page. Screenshots go to
 * {@code target/console/}.
 */
class ConsoleBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path SHOTS = Path.of("target", "console");

	@TempDir
	Path dir;

	@Test
	void officeAndUnitWorkInTheBrowser() throws Exception {
		assertThat(CHROMIUM).as("Debian's chromium (.ci/run installs it)").exists();
		Files.createDirectories(SHOTS);
		try (TestDatabase db = TestDatabase.create("h2", this.dir);
				WebConsoleTests.Console console = WebConsoleTests.Console.start(db, this.dir);
				Playwright playwright = Playwright
					.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
				Browser browser = playwright.chromium()
					.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
						.setHeadless(true)
						.setArgs(java.util.List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
								"--disable-component-update", "--disable-sync")))) {
			try (BrowserContext office = browser
				.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
				Page page = office.newPage();
				page.navigate(console.base + "/");
				assertThat(page.url()).endsWith("/login");
				page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("login.png")).setFullPage(true));
				logIn(page, "office", "office-pass");
				assertThat(page.locator("h1").textContent()).isEqualTo("各期报送情况");
				page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("home.png")).setFullPage(true));
				page.click("text=2017-06");
				page.waitForSelector("#charts .chart canvas");
				String roster = page.locator("#roster").innerText();
				assertThat(roster).contains(WebConsoleTests.OWN + "\t", WebConsoleTests.OTHER + "\t", "已报送");
				assertThat(page.locator("#roster tr.missing").first().innerText()).startsWith("第三环卫所").contains("未报送");
				page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("period.png")).setFullPage(true));
			}
			try (BrowserContext unit = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
				Page page = unit.newPage();
				page.navigate(console.base + "/login");
				logIn(page, "clerk1", "clerk1-pass");
				assertThat(page.locator("h1").textContent()).isEqualTo(WebConsoleTests.OWN);
				Path faulty = this.dir.resolve("本月报表.csv");
				Files.writeString(faulty, "\ufeff专项名称,工作内容,问题来源,数量,单位\r\n城市家具专项整治,修理果壳箱,,12,吨\r\n"
						+ "城市家具专项整治,修理果皮箱,,30,只\r\n城市家具专项整治,发现问题,自查,9,件\r\n", StandardCharsets.UTF_8);
				page.fill("input[name=period]", "2017-06");
				page.setInputFiles("input[name=file]", faulty);
				page.click("text=上传并载入");
				page.waitForSelector("#outcome");
				String outcome = page.locator("#outcome").innerText();
				assertThat(outcome).contains("已载入", "有 1 处错误，这些数字未计入汇总", "错误\t\tD2", "修理果壳箱 的计量单位“吨”无法换算为“只”");
				page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("unit.png")).setFullPage(true));
				com.microsoft.playwright.Download download = page.waitForDownload(() -> page.click("text=下载问题反馈表"));
				Path workbook = this.dir.resolve("反馈.xlsx");
				download.saveAs(workbook);
				try (org.apache.poi.xssf.usermodel.XSSFWorkbook feedback = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
						workbook.toFile())) {
					org.apache.poi.ss.usermodel.Cell faultyCell = feedback.getSheetAt(1).getRow(1).getCell(3);
					assertThat(faultyCell.getCellComment().getString().getString())
						.isEqualTo("错误：修理果壳箱 的计量单位“吨”无法换算为“只”");
				}
				Response other = page.navigate(console.base + "/units/"
						+ java.net.URLEncoder.encode(WebConsoleTests.OTHER, StandardCharsets.UTF_8));
				assertThat(other.status()).isEqualTo(403);
				assertThat(page.content()).doesNotContain(WebConsoleTests.OTHER + "_2017-06.xlsx");
			}
			WebConsoleTests.Client api = console.basic("office", "office-pass");
			assertThat(api.get("/api/periods/2017-06/consolidated?level=unit").body())
				.doesNotContain("\"unit\":\"第一环卫所\",\"campaign\":\"城市家具专项整治\",\"metric\":\"修理果壳箱\"");
			try (BrowserContext office = browser
				.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
				Page page = office.newPage();
				page.navigate(console.base + "/login");
				logIn(page, "office", "office-pass");
				page.click("text=目录");
				page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("catalog.png")).setFullPage(true));
				com.microsoft.playwright.Locator row = page.locator("#unknown tr",
						new Page.LocatorOptions().setHasText("修理果皮箱"));
				assertThat(row.innerText()).contains("指标", "修理果壳箱");
				row.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("修理果壳箱"))
					.click();
				assertThat(page.locator("#done").innerText()).isEqualTo("指标“修理果皮箱”已映射为“修理果壳箱”，下次运行起计入");
				assertThat(page.locator("#unknown").innerText()).doesNotContain("修理果皮箱");
				page.click("text=运行");
				page.fill("input[name=period]", "2017-06");
				page.click("text=开始运行");
				page.waitForSelector("#runs tbody tr:first-child td:nth-child(5):has-text('已完成')",
						new Page.WaitForSelectorOptions().setTimeout(60_000));
				page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("runs.png")).setFullPage(true));
			}
			assertThat(api.get("/api/periods/2017-06/consolidated?level=unit").body()).contains(
					"\"unit\":\"第一环卫所\",\"campaign\":\"城市家具专项整治\",\"metric\":\"修理果壳箱\",\"source\":\"\",\"value\":\"30\"");
			assertThat(Files.readString(this.dir.resolve("catalog").resolve("metrics.csv"))).contains("修理果皮箱");
		}
	}

	private static void logIn(Page page, String name, String password) {
		page.fill("input[name=username]", name);
		page.fill("input[name=password]", password);
		page.click("button[type=submit]");
		page.waitForLoadState();
	}

}
