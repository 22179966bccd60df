package org.valise.system.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the SMTP server that notification-service is pointed at: transparent until
 * {@link #delay(Duration)} makes the server slow — every chunk the server sends (its greeting and each reply) then
 * reaches the client that much later, in order, as from an overloaded or distant mail server.
 */
final class SlowSmtpProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int target;

	private final ExecutorService pumps = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "slow-smtp-pump");
		thread.setDaemon(true);
		return thread;
	});

	/** Forwards the server's replies at their due time; one thread, so each connection's replies stay in order. */
	private final ScheduledExecutorService replies = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "slow-smtp-replies");
		thread.setDaemon(true);
		return thread;
	});

	private volatile long delayMillis;

	private SlowSmtpProxy(ServerSocket listener, int target) {
		this.listener = listener;
		this.target = target;
	}

	/** Listens on a free port of 127.0.0.1 and forwards to the SMTP server on the target port. */
	static SlowSmtpProxy to(int target) throws IOException {
		ServerSocket listener = new ServerSocket();
		listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), FaultHarness.freePort()));
		SlowSmtpProxy proxy = new SlowSmtpProxy(listener, target);
		proxy.pumps.execute(proxy::accept);
		return proxy;
	}

	int port() {
		return this.listener.getLocalPort();
	}

	/** How much later than the server sent it each of its chunks reaches the client (zero: transparent). */
	void delay(Duration delay) {
		this.delayMillis = delay.toMillis();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		this.pumps.shutdownNow();
		this.replies.shutdownNow();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				client.setTcpNoDelay(true);
				Socket server = new Socket();
				server.setTcpNoDelay(true);
				server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.target), 5000);
				this.pumps.execute(() -> pump(client, server));
				this.pumps.execute(() -> delayedPump(server, client));
			}
			catch (IOException ex) {
				// closed, or one connection failed: the client sees it as a refused or dropped connection
			}
		}
	}

	private void pump(Socket from, Socket to) {
		try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// either side closed
		}
	}

	private void delayedPump(Socket from, Socket to) {
		AtomicLong notBefore = new AtomicLong();
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream()) {
			OutputStream out = to.getOutputStream();
			int read;
			while ((read = in.read(buffer)) >= 0) {
				byte[] chunk = Arrays.copyOf(buffer, read);
				long due = notBefore.updateAndGet((last) -> Math.max(last, System.currentTimeMillis() + this.delayMillis));
				this.replies.schedule(() -> write(out, chunk, to), due - System.currentTimeMillis(),
						TimeUnit.MILLISECONDS);
			}
			long due = notBefore.get();
			this.replies.schedule(() -> close(to), Math.max(0, due - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
		}
		catch (IOException ex) {
			close(to);
		}
	}

	private static void write(OutputStream out, byte[] chunk, Socket socket) {
		try {
			out.write(chunk);
			out.flush();
		}
		catch (IOException ex) {
			close(socket);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
