package org.huizong.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's accounts: a name, a bcrypt hash of the password, a role (office or unit)
 * and, for a unit's account, its unit. Repeated failed logins lock an account for a
 * while.
 */
public final class Accounts {

	/** Failed logins in a row that lock an account. */
	static final int MAX_FAILURES = 5;

	/** How long a locked account stays locked. */
	static final Duration LOCKED_FOR = Duration.ofMinutes(15);

	public enum Role {

		OFFICE, UNIT;

		public static Role parse(String text) {
			return switch (text) {
				case "office" -> OFFICE;
				case "unit" -> UNIT;
				default -> throw new IllegalArgumentException("角色只能是 office 或 unit：" + text);
			};
		}

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** An account as stored. */
	public record Account(String name, String passwordHash, Role role, String unit, boolean enabled,
			Instant lockedUntil) {

		boolean locked(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

	}

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	private final Clock clock;

	public Accounts(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder();
		this.clock = clock;
	}

	static PasswordEncoder encoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * Adds an account, or sets the password, role and unit of the one of that name.
	 * @throws IllegalArgumentException for an empty name or password, or a unit account
	 * without its unit
	 */
	public void add(String name, String password, Role role, String unit) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("账号名不能为空，且不超过 100 个字符");
		}
		if (password == null || password.length() < 8) {
			throw new IllegalArgumentException("密码至少 8 个字符");
		}
		if (role == Role.UNIT && (unit == null || unit.isBlank())) {
			throw new IllegalArgumentException("单位账号须用 --unit 指明所属单位");
		}
		String hash = this.encoder.encode(password);
		String ownUnit = (role == Role.UNIT) ? unit.strip() : "";
		int updated = this.jdbc.update("UPDATE account SET password_hash = ?, role = ?, unit = ?, enabled = TRUE, "
				+ "failed_logins = 0, locked_until = NULL WHERE name = ?", hash, role.label(), ownUnit, name);
		if (updated == 0) {
			this.jdbc.update(
					"INSERT INTO account (name, password_hash, role, unit, enabled, failed_logins, "
							+ "locked_until, created_at) VALUES (?, ?, ?, ?, TRUE, 0, NULL, ?)",
					name, hash, role.label(), ownUnit, Timestamp.from(this.clock.instant()));
		}
	}

	/**
	 * @return whether there was such an account
	 */
	public boolean setPassword(String name, String password) {
		if (password == null || password.length() < 8) {
			throw new IllegalArgumentException("密码至少 8 个字符");
		}
		return this.jdbc.update(
				"UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = NULL " + "WHERE name = ?",
				this.encoder.encode(password), name) > 0;
	}

	/**
	 * @return whether there was such an account
	 */
	public boolean disable(String name) {
		return this.jdbc.update("UPDATE account SET enabled = FALSE WHERE name = ?", name) > 0;
	}

	public Optional<Account> find(String name) {
		List<Account> found = this.jdbc
			.query("SELECT name, password_hash, role, unit, enabled, locked_until FROM account WHERE name = ?",
					(rs, i) -> new Account(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)),
							rs.getString(4), rs.getBoolean(5),
							(rs.getTimestamp(6) != null) ? rs.getTimestamp(6).toInstant() : null),
					name);
		return found.stream().findFirst();
	}

	/** A failed login: the fifth in a row locks the account for {@link #LOCKED_FOR}. */
	void failed(String name) {
		this.jdbc.update("UPDATE account SET failed_logins = failed_logins + 1 WHERE name = ?", name);
		this.jdbc.update("UPDATE account SET locked_until = ?, failed_logins = 0 WHERE name = ? AND failed_logins >= ?",
				Timestamp.from(this.clock.instant().plus(LOCKED_FOR)), name, MAX_FAILURES);
	}

	void succeeded(String name) {
		this.jdbc.update("UPDATE account SET failed_logins = 0 WHERE name = ? AND failed_logins > 0", name);
	}

	Instant now() {
		return this.clock.instant();
	}

}
