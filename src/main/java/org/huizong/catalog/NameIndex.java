package org.huizong.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Canonical names and their aliases, looked up by folded spelling; an alias learnt while
 * runs read it is safe to add.
 */
final class NameIndex<T> {

	private final Map<String, T> byFolded = new ConcurrentHashMap<>();

	void put(String name, T value) {
		String folded = Names.fold(name);
		if (!folded.isEmpty()) {
			this.byFolded.putIfAbsent(folded, value);
		}
	}

	Optional<T> find(String raw) {
		if (raw.length() > Names.MAX_NAME_LENGTH) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.byFolded.get(Names.fold(raw)));
	}

	Optional<T> findFolded(String folded) {
		return Optional.ofNullable(this.byFolded.get(folded));
	}

}
