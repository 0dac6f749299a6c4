package org.huizong.web;

import org.springframework.security.core.Authentication;

/** Who is asking: an office account, or a unit's account and its unit. */
public record Viewer(String name, boolean office, String unit) {

	static Viewer of(Authentication authentication, Accounts accounts) {
		Accounts.Account account = accounts.find(authentication.getName())
			.orElseThrow(() -> new IllegalStateException("账号不存在：" + authentication.getName()));
		return new Viewer(account.name(), account.role() == Accounts.Role.OFFICE, account.unit());
	}

	/** Whether this account may see and change the unit's own pages and files. */
	public boolean mayUse(String unit) {
		return this.office || this.unit.equals(unit);
	}

}
