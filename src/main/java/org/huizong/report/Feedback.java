package org.huizong.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.huizong.intake.ReadLimits;
import org.huizong.intake.SubmissionReader;
import org.huizong.intake.SubmissionReaders;
import org.huizong.issue.Issue;
import org.huizong.issue.Severity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The corrections to send back: for each file of the period's latest run that was
 * rejected or has faults, a workbook {@code 单位_期间_问题反馈.xlsx} in the output folder (see
 * {@link FeedbackWriter}). The original is read again from the inbox, and only if it is
 * still the file that was loaded (same sha256).
 */
public final class Feedback {

	private static final int MAX_UNIT_CHARACTERS = 60;

	private final JdbcTemplate jdbc;

	private final ReadLimits limits;

	public Feedback(JdbcTemplate jdbc, ReadLimits limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	private record Submission(long id, String name, String unit, String status, String reason, String sha256) {
	}

	/**
	 * @param inbox the inbox to read originals from, or {@code null} for the latest run's
	 * @return the workbooks written, and the files for which none could be
	 */
	public Written write(String period, Path inbox, Path out, Consumer<String> notes) throws IOException {
		List<Long> runs = this.jdbc.queryForList("SELECT id FROM run WHERE period = ? ORDER BY id DESC", Long.class,
				period);
		if (runs.isEmpty()) {
			notes.accept("期间 " + period + " 还没有运行记录，没有可反馈的问题");
			return new Written(List.of(), List.of());
		}
		long run = runs.get(0);
		Path from = (inbox != null) ? inbox
				: Path.of(this.jdbc.queryForObject("SELECT inbox FROM run WHERE id = ?", String.class, run));
		List<Submission> submissions = this.jdbc.query("SELECT s.id, rf.name, s.unit, s.status, s.reason, s.sha256 "
				+ "FROM run_file rf JOIN submission s ON s.id = rf.submission_id WHERE rf.run_id = ? ORDER BY rf.seq",
				(rs, i) -> new Submission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6)),
				run);
		Files.createDirectories(out);
		Path root = out.toRealPath();
		List<Path> written = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (Submission submission : submissions) {
			List<Issue> issues = issues(submission);
			boolean rejected = submission.status().equals("rejected");
			if (!rejected && issues.stream()
				.noneMatch((i) -> i.severity() == Severity.ERROR || i.severity() == Severity.WARNING)) {
				continue;
			}
			if (rejected) {
				issues.add(0, new Issue(Severity.ERROR, "file.rejected", "", "", "整份文件未被接收：" + submission.reason()));
			}
			Path target = root.resolve(fileName(submission.unit(), period, used));
			try {
				Path original = from.resolve(submission.name()).normalize();
				SubmissionReader reader = rejected ? null : reader(original, submission, notes);
				if (!rejected && reader == null) {
					continue;
				}
				FeedbackWriter.write((reader != null) ? reader : SubmissionReaders.none(), submission.name(),
						submission.unit(), period, issues, target);
				written.add(target);
			}
			catch (IOException | RuntimeException ex) {
				notes.accept("无法为 " + Printable.of(submission.unit()) + " 写出问题反馈（" + Printable.of(ex.getMessage())
						+ "），已跳过，其余单位照常写出");
				failed.add(submission.name());
			}
		}
		return new Written(written, failed);
	}

	/**
	 * What {@link #write} did.
	 *
	 * @param files the workbooks written
	 * @param failed the files of the run for which none could be written
	 */
	public record Written(List<Path> files, List<String> failed) {
	}

	private SubmissionReader reader(Path original, Submission submission, Consumer<String> notes) throws IOException {
		if (!Files.isRegularFile(original)) {
			notes.accept("找不到原文件，跳过：" + original);
			return null;
		}
		if (!org.huizong.load.Digests.sha256(original).equals(submission.sha256())) {
			notes.accept("原文件在载入后已改变，跳过：" + original);
			return null;
		}
		return SubmissionReaders.open(original, this.limits);
	}

	private List<Issue> issues(Submission submission) {
		return new ArrayList<>(this.jdbc.query(
				"SELECT severity, code, sheet, cell, message FROM issue " + "WHERE submission_id = ? ORDER BY id",
				(rs, i) -> new Issue(Severity.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
						rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
				submission.id()));
	}

	/** A name that stays inside the output folder, whatever the unit is called. */
	/** The name of a unit's feedback workbook for the period. */
	public static String fileName(String unit, String period) {
		return fileName(unit, period, new HashSet<>());
	}

	static String fileName(String unit, String period, Set<String> used) {
		String safe = unit.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replace("..", "_").strip();
		if (safe.isEmpty() || safe.startsWith(".")) {
			safe = "_" + safe;
		}
		if (safe.codePointCount(0, safe.length()) > MAX_UNIT_CHARACTERS) {
			// file systems take 255 bytes a name: 60 ideographs are 180 in UTF-8
			safe = safe.substring(0, safe.offsetByCodePoints(0, MAX_UNIT_CHARACTERS)) + "…";
		}
		String name = safe + "_" + period + "_问题反馈.xlsx";
		for (int n = 2; !used.add(name); n++) {
			name = safe + "_" + period + "_问题反馈(" + n + ").xlsx";
		}
		return name;
	}

}
