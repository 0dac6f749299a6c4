package org.huizong.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobDefinitionTests {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@TempDir
	Path dir;

	@Test
	void readsTheShippedNightlyJob() throws Exception {
		JobDefinition nightly = JobDefinition.load(Path.of("jobs/nightly.yml"));
		assertThat(nightly.name()).isEqualTo("nightly");
		assertThat(nightly.zone()).isEqualTo(BEIJING);
		assertThat(nightly.inboxFor("2017-06")).isEqualTo(Path.of("/srv/huizong/inbox/2017-06"));
		assertThat(nightly.schedule().next(ZonedDateTime.of(2017, 7, 1, 12, 0, 0, 0, BEIJING)))
			.isEqualTo(ZonedDateTime.of(2017, 7, 2, 2, 0, 0, 0, BEIJING));
	}

	@Test
	void coversThePreviousMonthUntilItsDueDay() throws Exception {
		JobDefinition nightly = JobDefinition.load(Path.of("jobs/nightly.yml"));
		assertThat(nightly.periods(ZonedDateTime.of(2017, 7, 10, 2, 0, 0, 0, BEIJING))).containsExactly("2017-06",
				"2017-07");
		assertThat(nightly.periods(ZonedDateTime.of(2017, 7, 11, 2, 0, 0, 0, BEIJING))).containsExactly("2017-07");
		assertThat(nightly.periods(ZonedDateTime.of(2018, 1, 3, 2, 0, 0, 0, BEIJING))).containsExactly("2017-12",
				"2018-01");
	}

	@Test
	void saysWhatIsWrongWithADefinition() throws Exception {
		Path file = Files.writeString(this.dir.resolve("bad.yml"), "schedule: \"every night\"\ninbox: /x\n");
		assertThatThrownBy(() -> JobDefinition.load(file)).isInstanceOf(UsageException.class)
			.hasMessageStartingWith("bad.yml 中的设置有误");
		Path missing = Files.writeString(this.dir.resolve("missing.yml"), "schedule: \"0 0 2 * * *\"\n");
		assertThatThrownBy(() -> JobDefinition.load(missing)).hasMessage("missing.yml 缺少 inbox");
	}

}
