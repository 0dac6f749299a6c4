package org.huizong.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Who uploaded, mapped, reran or downloaded what, and when: shown to the office. */
public final class Audit {

	/** One thing done. */
	public record Entry(Timestamp at, String account, String action, String period, String detail) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public Audit(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(String account, String action, String period, String detail) {
		this.jdbc.update("INSERT INTO audit (at, account, action, period, detail) VALUES (?, ?, ?, ?, ?)",
				Timestamp.from(this.clock.instant()), account, action, (period != null) ? period : "",
				(detail.length() <= 2000) ? detail : detail.substring(0, 1999) + "…");
	}

	List<Entry> latest(int count) {
		return this.jdbc.query("SELECT at, account, action, period, detail FROM audit ORDER BY id DESC", (rs) -> {
			List<Entry> entries = new java.util.ArrayList<>();
			while (rs.next() && entries.size() < count) {
				entries.add(new Entry(rs.getTimestamp(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)));
			}
			return entries;
		});
	}

}
