package org.huizong.cli;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A database that cannot be used, told in one line of Chinese: what is wrong and what to
 * do, instead of the chain of exceptions the libraries throw.
 */
final class DatabaseTrouble {

	private static final String LOST = "与数据库的连接中断，或数据库没有响应";

	private static final String LOST_WHAT_TO_DO = "，本次运行已中止，已写入的数据不受影响（未完成的那批文件下次运行会重新读取）；请检查数据库服务器和网络后重新运行";

	private DatabaseTrouble() {
	}

	/** The explanation, where the failure is the database's. */
	static Optional<String> explain(Throwable failure) {
		SQLException sql = null;
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				return Optional.of("数据库在限定时间内没有响应（" + cause.getMessage() + "），本次运行已中止，已写入的数据不受影响；请检查数据库服务器和网络后重新运行");
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
				return Optional.of("连不上数据库服务器（" + cause.getMessage() + "）；请确认地址和端口无误、PostgreSQL 已经启动");
			}
			if (cause instanceof SQLException found) {
				sql = found;
			}
		}
		if (sql == null) {
			return Optional.empty();
		}
		String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
		String message = firstLine(sql.getMessage());
		return Optional.of(switch (state) {
			case "3D000" -> "数据库不存在（" + message + "）；请检查 --db 中的数据库名，或先用 createdb 建库";
			case "28000", "28P01" -> "数据库拒绝登录（" + message + "）；请检查 --db 中的用户名和密码";
			case "08001", "08004" -> "连不上数据库（" + message + "）；请确认地址和端口无误、数据库已经启动";
			case "08003", "08006", "57P01" -> LOST + "（" + message + "）" + LOST_WHAT_TO_DO;
			case "57014" -> "数据库语句超时被取消（" + message + "），本次运行已中止，已写入的数据不受影响；请检查数据库后重新运行";
			case "90020" -> "内嵌数据库正被另一个不共享它的程序占用（" + message + "）；请关闭那个程序后重试";
			default -> h2(sql, message);
		});
	}

	private static String h2(SQLException sql, String message) {
		if (message.contains("readOnly") || message.contains("read only") || sql.getErrorCode() == 90097) {
			return "内嵌数据库所在的文件夹不可写（" + message + "）；请在可写的工作目录中运行，或用 --db 指定数据库";
		}
		if (sql.getErrorCode() == 90013 || sql.getErrorCode() == 90146) {
			return "内嵌数据库不存在（" + message + "）";
		}
		if (sql.getErrorCode() == 90067 || message.contains("connection has been closed")
				|| message.contains("Connection is closed")) {
			return LOST + "（" + message + "）" + LOST_WHAT_TO_DO;
		}
		return "数据库出错（" + message + "）";
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		String line = text.strip();
		int end = line.indexOf('\n');
		line = (end >= 0) ? line.substring(0, end).strip() : line;
		return (line.length() > 300) ? line.substring(0, 299) + "…" : line;
	}

}
