package org.huizong.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Changes to the run's maps made while a batch loads, so that they can be taken back with
 * the batch.
 */
final class Journal {

	private final List<Runnable> undo = new ArrayList<>();

	<K, V> void put(Map<K, V> map, K key, V value) {
		boolean had = map.containsKey(key);
		V old = map.put(key, value);
		this.undo.add(() -> {
			if (had) {
				map.put(key, old);
			}
			else {
				map.remove(key);
			}
		});
	}

	<K, V> void removeValues(Map<K, V> map, Predicate<V> which) {
		List<K> keys = new ArrayList<>();
		map.forEach((key, value) -> {
			if (which.test(value)) {
				keys.add(key);
			}
		});
		for (K key : keys) {
			V old = map.remove(key);
			this.undo.add(() -> map.put(key, old));
		}
	}

	<T> void add(Set<T> set, T value) {
		if (set.add(value)) {
			this.undo.add(() -> set.remove(value));
		}
	}

	void undo() {
		for (int i = this.undo.size() - 1; i >= 0; i--) {
			this.undo.get(i).run();
		}
		this.undo.clear();
	}

	void clear() {
		this.undo.clear();
	}

}
