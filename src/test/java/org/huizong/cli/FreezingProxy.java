package org.huizong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on the loopback address in front of a database, that can be frozen: it then
 * stops passing bytes either way but keeps every connection open, as a network that stops
 * answering (or a proxy stopped with SIGSTOP) does.
 */
final class FreezingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String host;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean frozen;

	FreezingProxy(String host, int port) throws IOException {
		this.host = host;
		this.port = port;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread accept = new Thread(this::accept, "proxy-accept");
		accept.setDaemon(true);
		accept.start();
	}

	/** The JDBC URL of {@code url} with its host and port replaced by the proxy's. */
	String through(String url) {
		return url.replaceFirst("//[^/]+/", "//127.0.0.1:" + this.server.getLocalPort() + "/");
	}

	void freeze() {
		this.frozen = true;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.host, this.port);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				while (true) {
					while (this.frozen) {
						Thread.sleep(100);
					}
					int read = in.read(buffer);
					if (read < 0) {
						return;
					}
					while (this.frozen) {
						Thread.sleep(100);
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// the connection ended
			}
		}, "proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
