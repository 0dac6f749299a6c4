package org.huizong.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.huizong.TestDatabase;
import org.huizong.cli.Cli;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One run of a period at a time, across connections as across processes. */
class PeriodLockTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("org.huizong.TestDatabase#kinds")
	void aPeriodIsHeldByOneRunAndFreedWhenItEnds(String kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind, this.dir)) {
			new Cli(System.out, System.err).execute("status", "--db", db.url());
			DriverManagerDataSource one = new DriverManagerDataSource(db.url());
			DriverManagerDataSource other = new DriverManagerDataSource(db.url());
			List<String> notes = new ArrayList<>();

			try (PeriodLock held = PeriodLock.acquire(one, "2098-06", Duration.ZERO, notes::add)) {
				held.keepAlive(Duration.ofSeconds(30));
				assertThat(held).isNotNull();
				assertThat(PeriodLock.acquire(other, "2098-06", Duration.ofMillis(700), notes::add)).isNull();
				assertThat(PeriodLock.isHeld(other, "2098-06")).isTrue();
				try (PeriodLock otherPeriod = PeriodLock.acquire(other, "2098-07", Duration.ZERO, notes::add)) {
					assertThat(otherPeriod).isNotNull();
				}
			}

			assertThat(PeriodLock.isHeld(other, "2098-06")).isFalse();
			assertThat(notes).containsExactly("期间 2098-06 正有另一次汇总在运行，等待它结束（最多 0 秒）…");
		}
	}

	@org.junit.jupiter.api.Test
	void eachPeriodHasALockOfItsOwn() {
		assertThat(PeriodLock.key("2017-06")).isEqualTo(PeriodLock.key("2017-06"))
			.isNotEqualTo(PeriodLock.key("2017-07"))
			.isNotEqualTo(PeriodLock.key("other/2017-06"));
	}

}
