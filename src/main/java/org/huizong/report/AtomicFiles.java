package org.huizong.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output through a temporary file beside it, so a reader never sees half of it.
 */
final class AtomicFiles {

	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	private AtomicFiles() {
	}

	static void write(Path target, Content content) throws IOException {
		Path parent = target.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				content.writeTo(out);
			}
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

}
