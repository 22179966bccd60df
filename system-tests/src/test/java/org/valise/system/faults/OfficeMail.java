package org.valise.system.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

/**
 * The offices' mail server: GreenMail (SMTP) in this JVM behind a {@link SlowSmtpProxy}, so it can be made slow. Its
 * mailboxes are drained into a {@link MailCount} (each message counted once, then expunged) so that thousands of
 * e-mails do not pile up in memory.
 */
public final class OfficeMail implements AutoCloseable {

	private final GreenMail greenMail;

	private final SlowSmtpProxy proxy;

	private final MailCount count = new MailCount();

	private final AtomicReference<CompletableFuture<Void>> onNextEmail = new AtomicReference<>();

	private volatile Consumer<MimeMessage> onEmail = (message) -> {
	};

	private OfficeMail(GreenMail greenMail, SlowSmtpProxy proxy) {
		this.greenMail = greenMail;
		this.proxy = proxy;
	}

	static OfficeMail start() throws IOException {
		// GreenMail logs every mailbox it creates at INFO: one line per office is noise in the suite's output.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		GreenMail greenMail = new GreenMail(
				new ServerSetup(FaultHarness.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		OfficeMail mail = new OfficeMail(greenMail, SlowSmtpProxy.to(greenMail.getSmtp().getPort()));
		MessageDeliveryHandler store = greenMail.getUserManager().getMessageDeliveryHandler();
		greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
			GreenMailUser user = store.handle(message, address);
			mail.onEmail.accept(message.getMessage());
			CompletableFuture<Void> action = mail.onNextEmail.getAndSet(null);
			if (action != null) {
				action.complete(null);
			}
			return user;
		});
		return mail;
	}

	/**
	 * Runs the action once, as soon as the server has the next e-mail and before it tells the sender so: what a crash
	 * of the sender "right after an e-mail left" looks like from the office's side.
	 */
	CompletableFuture<Void> onNextEmail(Runnable action) {
		CompletableFuture<Void> received = new CompletableFuture<>();
		CompletableFuture<Void> done = received.thenRun(action);
		this.onNextEmail.set(received);
		return done;
	}

	/** Tells the listener of every e-mail as soon as the server has it (e.g. to time its arrival). */
	public void onEmail(Consumer<MimeMessage> listener) {
		this.onEmail = listener;
	}

	/** The port notification-service sends to (the proxy's). */
	public int smtpPort() {
		return this.proxy.port();
	}

	/** Every reply of the SMTP server arrives that much later (zero: a healthy server). */
	void slowDown(Duration delay) {
		this.proxy.delay(delay);
	}

	/** Counts what arrived since the last call and removes it from the mailboxes. */
	public synchronized MailCount drain() {
		for (GreenMailUser user : snapshot(() -> this.greenMail.getUserManager().listUser())) {
			try {
				MailFolder inbox = this.greenMail.getManagers().getImapHostManager().getInbox(user);
				Set<Long> counted = new HashSet<>();
				for (StoredMessage message : snapshot(inbox::getMessages)) {
					if (!message.isSet(Flags.Flag.DELETED)) {
						this.count.count(message.getMimeMessage());
						counted.add(message.getUid());
					}
				}
				for (long uid : counted) {
					inbox.setFlags(new Flags(Flags.Flag.DELETED), true, uid, null, false);
				}
				inbox.expunge();
			}
			catch (FolderException ex) {
				throw new IllegalStateException("Cannot read the mailbox of " + user.getEmail(), ex);
			}
		}
		return this.count;
	}

	/**
	 * A copy of one of GreenMail's lists, which the SMTP threads change as e-mails arrive (a new office's mailbox, a
	 * new message): copied again when a change came in the middle.
	 */
	private static <T> List<T> snapshot(Supplier<? extends Collection<T>> list) {
		while (true) {
			try {
				return new ArrayList<>(list.get());
			}
			catch (ConcurrentModificationException ex) {
				Thread.onSpinWait();
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.proxy.close();
		this.greenMail.stop();
	}

}
