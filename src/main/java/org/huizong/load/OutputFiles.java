package org.huizong.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files huizong wrote — feedback workbooks, exports, run reports — known by their
 * content, so that one left in an inbox is not taken for a unit's submission. A file a
 * unit changed and sent back is no longer the same content, and is read as any other.
 */
public final class OutputFiles {

	private final JdbcTemplate jdbc;

	public OutputFiles(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Notes a file just written. */
	public void written(Path file, String kind, Instant at) throws IOException {
		String sha256 = Digests.sha256(file);
		this.jdbc.update("DELETE FROM output_file WHERE sha256 = ?", sha256);
		this.jdbc.update("INSERT INTO output_file (sha256, size_bytes, kind, path, written_at) VALUES (?, ?, ?, ?, ?)",
				sha256, Files.size(file), kind, FactWriter.cut(file.toAbsolutePath().toString(), 2000),
				Timestamp.from(at));
	}

	/**
	 * Tells files huizong wrote from the others, reading only those of a size it wrote.
	 */
	public Recogniser recogniser() {
		Set<Long> sizes = new HashSet<>(
				this.jdbc.queryForList("SELECT DISTINCT size_bytes FROM output_file", Long.class));
		return (file, size) -> {
			if (!sizes.contains(size)) {
				return null;
			}
			String sha256;
			try {
				sha256 = Digests.sha256(file);
			}
			catch (IOException ex) {
				return null;
			}
			return this.jdbc.query("SELECT kind FROM output_file WHERE sha256 = ?",
					(rs) -> rs.next() ? rs.getString(1) : null, sha256);
		};
	}

	/** Whether a file is one huizong wrote. */
	@FunctionalInterface
	public interface Recogniser {

		/**
		 * @return the kind of output it is, or {@code null} for a file huizong did not
		 * write
		 */
		String kind(Path file, long size);

	}

}
