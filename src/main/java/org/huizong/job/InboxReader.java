package org.huizong.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.huizong.load.OutputFiles;
import org.huizong.load.RunHistory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Every regular file under the inbox and its sub-folders, in path order. What is not a
 * submission is passed over and recorded with the reason, never silently: hidden files
 * and folders, the lock files office suites leave ({@code ~$…}), links (never followed,
 * so nothing outside the inbox is read), what is not a regular file, and the files
 * huizong wrote itself. A restarted step goes on with the files its run had not reached,
 * by name, whatever was added to or taken from the inbox meanwhile.
 */
class InboxReader implements ItemStreamReader<InboxFile> {

	private final Path inbox;

	private final RunProgress progress;

	private final RunHistory history;

	private final OutputFiles.Recogniser ours;

	private final long runId;

	private final long instanceId;

	private List<InboxFile> files = List.of();

	private int position;

	InboxReader(Path inbox, RunProgress progress, RunHistory history, OutputFiles.Recogniser ours, long runId,
			long instanceId) {
		this.inbox = inbox;
		this.progress = progress;
		this.history = history;
		this.ours = ours;
		this.runId = runId;
		this.instanceId = instanceId;
	}

	/** A file of the inbox that is not read, and why. */
	record Skipped(String name, String code, String reason) {
	}

	/** The inbox's files to read, and those passed over. */
	record Listing(List<InboxFile> files, List<Skipped> skipped) {
	}

	static Listing list(Path inbox, OutputFiles.Recogniser ours) {
		List<InboxFile> files = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		Path root;
		try {
			root = inbox.toRealPath();
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					if (!dir.equals(root) && isHidden(dir.getFileName().toString())) {
						skipped.add(new Skipped(name(root, dir) + "/", "file.hidden", "隐藏文件夹，其中的文件未读入"));
						return FileVisitResult.SKIP_SUBTREE;
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					String name = name(root, file);
					String base = file.getFileName().toString();
					if (attrs.isSymbolicLink()) {
						skipped.add(new Skipped(name, "file.link", "是链接（快捷方式），未跟随读取；请把文件本身放入收件箱"));
					}
					else if (!attrs.isRegularFile()) {
						skipped.add(new Skipped(name, "file.not-regular", "不是普通文件，未读入"));
					}
					else if (base.startsWith("~$") || base.startsWith(".~lock")) {
						skipped.add(new Skipped(name, "file.office-lock", "是办公软件打开文件时留下的临时锁文件，未读入"));
					}
					else if (isHidden(base)) {
						skipped.add(new Skipped(name, "file.hidden", "隐藏文件（文件名以“.”开头），未读入；如是报表请改名后重新放入"));
					}
					else {
						String kind = ours.kind(file, attrs.size());
						if (kind != null) {
							skipped.add(new Skipped(name, "file.own-output", "是 huizong 自己写出的" + kind + "，不是单位报送，未读入"));
						}
						else {
							files.add(new InboxFile(file, name, attrs.lastModifiedTime().toMillis()));
						}
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					files.add(new InboxFile(file, name(root, file), 0));
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("收件箱无法读取：" + inbox, ex);
		}
		files.sort(Comparator.comparing(InboxFile::name));
		skipped.sort(Comparator.comparing(Skipped::name));
		return new Listing(files, skipped);
	}

	private static String name(Path root, Path file) {
		return root.relativize(file).toString().replace('\\', '/');
	}

	private static boolean isHidden(String name) {
		return name.startsWith(".");
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		Listing listing = list(this.inbox, this.ours);
		Set<String> done = this.history.filesDoneBefore(this.instanceId, this.runId);
		this.files = listing.files().stream().filter((file) -> !done.contains(file.name())).toList();
		this.history.skipped(this.runId,
				listing.skipped().stream().map((s) -> new String[] { s.name(), s.code(), s.reason() }).toList());
		this.position = 0;
		this.progress.begin(this.files.size());
	}

	@Override
	public InboxFile read() {
		return (this.position < this.files.size()) ? this.files.get(this.position++) : null;
	}

	/** The next files {@link #read()} will give, at most {@code count} of them. */
	List<InboxFile> upcoming(int count) {
		return this.files.subList(this.position, Math.min(this.files.size(), this.position + count));
	}

	@Override
	public void update(ExecutionContext context) throws ItemStreamException {
	}

	@Override
	public void close() throws ItemStreamException {
		this.files = List.of();
	}

}
