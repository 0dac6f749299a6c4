package org.huizong.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output through a temporary file beside it, so a reader never sees half of it.
 * A failure names the file asked for, not the temporary one, and says why in Chinese.
 */
public final class AtomicFiles {

	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	private AtomicFiles() {
	}

	static void write(Path target, Content content) throws IOException {
		Path temp = prepare(target);
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				content.writeTo(out);
			}
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw failure(target, ex);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * Makes sure {@code target} can be written, before any work that would be lost if it
	 * could not: its folder is made if need be, and a file is made there and removed.
	 */
	public static void checkWritable(Path target) throws IOException {
		if (Files.isDirectory(target)) {
			throw new IOException("无法写入 " + target.toAbsolutePath() + "：这是一个文件夹，请给出文件名");
		}
		Path temp = prepare(target);
		try {
			Files.newOutputStream(temp).close();
		}
		catch (IOException ex) {
			throw failure(target, ex);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static Path prepare(Path target) throws IOException {
		Path parent = target.toAbsolutePath().getParent();
		try {
			Files.createDirectories(parent);
		}
		catch (IOException ex) {
			throw failure(target, ex);
		}
		return parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
	}

	/** Why {@code target} could not be written, as a clerk reads it. */
	static IOException failure(Path target, IOException ex) {
		String why;
		if (ex instanceof AccessDeniedException) {
			why = "没有写入权限";
		}
		else if (ex instanceof FileSystemException fs && fs.getReason() != null) {
			why = fs.getReason();
		}
		else {
			why = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
		return new IOException("无法写入 " + target.toAbsolutePath() + "（" + why + "）", ex);
	}

}
