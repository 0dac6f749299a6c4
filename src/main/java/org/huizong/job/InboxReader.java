package org.huizong.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Every regular file under the inbox and its sub-folders, in path order; hidden files and
 * the lock files office suites leave ({@code ~$…}) are not submissions. Remembers how far
 * it got, so a restarted step goes on where it stopped.
 */
class InboxReader implements ItemStreamReader<InboxFile> {

	private static final String POSITION = "inbox.position";

	private final Path inbox;

	private final RunProgress progress;

	private List<InboxFile> files = List.of();

	private int position;

	InboxReader(Path inbox, RunProgress progress) {
		this.inbox = inbox;
		this.progress = progress;
	}

	static List<InboxFile> list(Path inbox) {
		try (Stream<Path> walk = Files.walk(inbox)) {
			return walk.filter(Files::isRegularFile)
				.filter((p) -> !isHidden(inbox.relativize(p)))
				.map((p) -> new InboxFile(p, inbox.relativize(p).toString().replace('\\', '/')))
				.sorted(java.util.Comparator.comparing(InboxFile::name))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("收件箱无法读取：" + inbox, ex);
		}
	}

	private static boolean isHidden(Path relative) {
		for (Path part : relative) {
			String name = part.toString();
			if (name.startsWith(".") || name.startsWith("~$") || name.startsWith(".~lock")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		this.files = list(this.inbox);
		this.position = context.containsKey(POSITION) ? context.getInt(POSITION) : 0;
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
		context.putInt(POSITION, this.position);
	}

	@Override
	public void close() throws ItemStreamException {
		this.files = List.of();
	}

}
