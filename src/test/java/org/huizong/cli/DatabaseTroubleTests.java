package org.huizong.cli;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTroubleTests {

	@Test
	void aReadOnlyWorkingFolderIsToldAsSuch() {
		SQLException h2 = new SQLException("Feature not supported: \"AUTO_SERVER=TRUE && readOnly\" [50100-240]",
				"HYC00", 50100);
		RuntimeException startup = new IllegalStateException("Error creating bean with name 'flyway'",
				new RuntimeException("Failed to obtain JDBC Connection", h2));

		assertThat(DatabaseTrouble.explain(startup)).hasValue(
				"内嵌数据库所在的文件夹不可写（Feature not supported: \"AUTO_SERVER=TRUE && readOnly\" [50100-240]）；请在可写的工作目录中运行，或用 --db 指定数据库");
	}

	@Test
	void aServerThatDoesNotAnswerIsToldAsSuch() {
		RuntimeException failure = new RuntimeException("COPY",
				new SQLException("An I/O error occurred", "08006", new SocketTimeoutException("Read timed out")));

		assertThat(DatabaseTrouble.explain(failure))
			.hasValue("数据库在限定时间内没有响应（Read timed out），本次运行已中止，已写入的数据不受影响；请检查数据库服务器和网络后重新运行");
	}

	@Test
	void aFailureThatIsNotTheDatabasesIsLeftToTheCaller() {
		assertThat(DatabaseTrouble.explain(new IllegalStateException("收件箱无法读取"))).isEmpty();
	}

}
