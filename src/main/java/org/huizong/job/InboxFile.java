package org.huizong.job;

import java.nio.file.Path;

/**
 * A file found in the inbox.
 *
 * @param path where it is
 * @param name its path relative to the inbox, with {@code /} separators
 * @param modified when it was last modified, in milliseconds since the epoch
 */
public record InboxFile(Path path, String name, long modified) {
}
