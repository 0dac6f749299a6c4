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

	@Test
	void refusesAnInboxWithoutItsPeriod() throws Exception {
		Path file = Files.writeString(this.dir.resolve("flat.yml"), "schedule: \"0 0 2 * * *\"\ninbox: /srv/inbox\n");
		assertThatThrownBy(() -> JobDefinition.load(file)).isInstanceOf(UsageException.class)
			.hasMessage("flat.yml 中的设置有误：inbox 必须含有 {period}（如 /srv/huizong/inbox/{period}），"
					+ "否则同一个收件箱的文件会载入到每个期间：/srv/inbox");
	}

	@Test
	void refusesAScheduleThatNeverComes() throws Exception {
		Path file = Files.writeString(this.dir.resolve("never.yml"),
				"schedule: \"0 0 2 30 2 *\"\ninbox: /srv/{period}\n");
		assertThatThrownBy(() -> JobDefinition.load(file)).isInstanceOf(UsageException.class)
			.hasMessage("never.yml 中的设置有误：schedule “0 0 2 30 2 *”永远不会到时间（如 2 月 30 日）");
	}

	@Test
	void namesTheFileAndLineOfMalformedYaml() throws Exception {
		Path file = Files.writeString(this.dir.resolve("broken.yml"), "schedule: \"0 0 2 * * *\"\ninbox: [unclosed\n");
		assertThatThrownBy(() -> JobDefinition.load(file)).isInstanceOf(UsageException.class)
			.hasMessageStartingWith("broken.yml 不是有效的 YAML（第 3 行：");
		Path list = Files.writeString(this.dir.resolve("list.yml"), "- schedule: x\n- inbox: y\n");
		assertThatThrownBy(() -> JobDefinition.load(list)).isInstanceOf(UsageException.class)
			.hasMessage("list.yml 应为“设置名: 值”的一组设置（schedule、inbox …），而不是列表或单个值");
	}

	@Test
	void oneBadFileCostsThatJobOnly() throws Exception {
		Files.writeString(this.dir.resolve("a-good.yml"), "schedule: \"0 0 2 * * *\"\ninbox: /srv/{period}\n");
		Files.writeString(this.dir.resolve("b-bad.yml"), "schedule: \"0 0 2 * * *\"\ninbox: /srv\n");
		Files.writeString(this.dir.resolve("c-list.yml"), "- 1\n");

		JobDefinition.Loaded loaded = JobDefinition.loadAll(this.dir);

		assertThat(loaded.jobs()).extracting(JobDefinition::name).containsExactly("a-good");
		assertThat(loaded.problems()).hasSize(2)
			.allMatch((problem) -> problem.startsWith("b-bad.yml ") || problem.startsWith("c-list.yml "));
	}

}
