package org.valise.system.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow SMTP server of the fault suite: a proxy that passes the dialogue through, each reply of the server late.
 */
class SlowSmtpProxyTests {

	private ServerSocket server;

	private SlowSmtpProxy proxy;

	@BeforeEach
	void startServerAndProxy() throws IOException {
		// a server that greets, then answers each line with "250 <line>"
		this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
		Thread accept = new Thread(() -> {
			try (Socket socket = this.server.accept()) {
				OutputStream out = socket.getOutputStream();
				BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				out.write("220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					out.write(("250 " + line + "\r\n").getBytes(StandardCharsets.US_ASCII));
				}
			}
			catch (IOException ex) {
				// the test is over
			}
		});
		accept.setDaemon(true);
		accept.start();
		this.proxy = SlowSmtpProxy.to(this.server.getLocalPort());
	}

	@AfterEach
	void stop() throws IOException {
		this.proxy.close();
		this.server.close();
	}

	@Test
	void passesTheDialogueThroughInOrderEachReplyLate() throws IOException {
		this.proxy.delay(Duration.ofMillis(300));
		List<String> replies = new ArrayList<>();
		long start = System.nanoTime();

		try (Socket client = new Socket(InetAddress.getLoopbackAddress(), this.proxy.port())) {
			BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
			replies.add(in.readLine());
			for (String command : List.of("EHLO harness", "MAIL FROM:<a@b>", "QUIT")) {
				client.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
				replies.add(in.readLine());
			}
		}

		assertThat(replies).containsExactly("220 ready", "250 EHLO harness", "250 MAIL FROM:<a@b>", "250 QUIT");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(4 * 300));
	}

}
