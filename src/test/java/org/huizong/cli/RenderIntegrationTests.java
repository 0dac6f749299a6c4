package org.huizong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.huizong.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbooks people print, rendered as LibreOffice prints them: the report of the
 * sample inbox and a feedback workbook take one page a sheet, and one more for each page
 * break they set (charts and their tables start a page), and every column header of every
 * sheet is on the page (a column pushed off the page would be missing). Runs where
 * LibreOffice is installed (profile {@code render}; {@code .ci/run} installs it).
 */
class RenderIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void theReportAndAFeedbackWorkbookPrintOnePageASheetWithNoColumnCut() throws Exception {
		try (TestDatabase db = TestDatabase.create("h2", this.dir)) {
			Path inbox = RunCommandTests.copySample(this.dir);
			assertThat(RunCommandTests.run("run", "--period", "2017-06", "--inbox", inbox.toString(), "--db", db.url())
				.exit()).isEqualTo(Cli.REJECTIONS);
			Path out = this.dir.resolve("out");
			assertThat(RunCommandTests.run("report", "--period", "2017-06", "--out", out.toString(), "--db", db.url())
				.exit()).isZero();
			assertThat(RunCommandTests.run("feedback", "--period", "2017-06", "--out", out.toString(), "--db", db.url())
				.exit()).isZero();

			for (String name : List.of("汇总表_2017-06.xlsx", "第三环卫所_2017-06_问题反馈.xlsx")) {
				Path workbook = out.resolve(name);
				Path pdf = render(workbook);
				List<List<String>> headers = headers(workbook);
				assertThat(pages(pdf)).as(name).isEqualTo(headers.size() + pageBreaks(workbook));
				String printed = text(pdf);
				for (List<String> sheet : headers) {
					for (String header : sheet) {
						assertThat(printed).as(name + " 的列名 " + header).contains(header.replaceAll("\\s", ""));
					}
				}
			}
		}
	}

	/** The page breaks the workbook sets itself: each starts one more page. */
	private static int pageBreaks(Path workbook) throws IOException {
		int breaks = 0;
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook read = new XSSFWorkbook(in)) {
			for (Sheet sheet : read) {
				breaks += sheet.getRowBreaks().length;
			}
		}
		return breaks;
	}

	/** Per sheet, the texts of its header row: the first row with three texts or more. */
	private static List<List<String>> headers(Path workbook) throws IOException {
		List<List<String>> headers = new ArrayList<>();
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook read = new XSSFWorkbook(in)) {
			for (Sheet sheet : read) {
				List<String> texts = new ArrayList<>();
				for (Row row : sheet) {
					texts.clear();
					for (Cell cell : row) {
						if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
								&& !cell.getStringCellValue().isBlank()) {
							texts.add(cell.getStringCellValue());
						}
					}
					if (texts.size() >= 3) {
						break;
					}
				}
				headers.add(new ArrayList<>(texts));
			}
		}
		return headers;
	}

	private Path render(Path workbook) throws Exception {
		Path pdfs = Files.createDirectories(this.dir.resolve("pdf"));
		run(List.of("soffice", "-env:UserInstallation=" + this.dir.resolve("lo-profile").toUri(), "--headless",
				"--convert-to", "pdf", "--outdir", pdfs.toString(), workbook.toString()));
		String name = workbook.getFileName().toString();
		Path pdf = pdfs.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
		assertThat(pdf).as("LibreOffice 未能把 " + name + " 转成 PDF").exists();
		return pdf;
	}

	private static int pages(Path pdf) throws Exception {
		for (String line : run(List.of("pdfinfo", pdf.toString())).split("\n")) {
			if (line.startsWith("Pages:")) {
				return Integer.parseInt(line.substring(6).strip());
			}
		}
		throw new AssertionError("pdfinfo 没有给出页数：" + pdf);
	}

	/** The PDF's text, without any white space (a wrapped header joins up again). */
	private static String text(Path pdf) throws Exception {
		return run(List.of("pdftotext", pdf.toString(), "-")).replaceAll("\\s", "");
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		assertThat(process.exitValue())
			.as(String.join(" ", command) + "\n" + new String(output, StandardCharsets.UTF_8))
			.isZero();
		return new String(output, StandardCharsets.UTF_8);
	}

}
