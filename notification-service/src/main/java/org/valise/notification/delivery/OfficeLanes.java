package org.valise.notification.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;

/**
 * Where sends run: one small pool per office for webhooks (a slow or dead office only delays its own deliveries) and
 * one pool of SMTP connections for e-mails, each thread sending several e-mails over one connection.
 */
final class OfficeLanes implements DisposableBean {

	private final int threadsPerOffice;

	private final MeterRegistry meters;

	private final ConcurrentMap<String, ThreadPoolExecutor> offices = new ConcurrentHashMap<>();

	private final ThreadPoolExecutor mail;

	OfficeLanes(int threadsPerOffice, int mailThreads, MeterRegistry meters) {
		this.threadsPerOffice = Math.max(1, threadsPerOffice);
		this.meters = meters;
		this.mail = pool("mail", Math.max(1, mailThreads));
	}

	/** Runs a webhook send in its office's lane. */
	<T> CompletableFuture<T> office(String office, Supplier<T> send) {
		return CompletableFuture.supplyAsync(send, this.offices.computeIfAbsent(office, (id) -> pool("webhook-" + id,
				this.threadsPerOffice)));
	}

	/** Runs an SMTP session in the mail lane. */
	<T> CompletableFuture<T> mail(Supplier<T> send) {
		return CompletableFuture.supplyAsync(send, this.mail);
	}

	/** How many e-mail sessions may run at once. */
	int mailThreads() {
		return this.mail.getMaximumPoolSize();
	}

	private ThreadPoolExecutor pool(String lane, int threads) {
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "delivery-" + lane + "-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		Gauge.builder("valise.delivery.queued", executor, (e) -> e.getQueue().size() + e.getActiveCount())
			.description("Delivery attempts queued or running in a lane (an office's webhooks, or the e-mails)")
			.tag("lane", lane)
			.register(this.meters);
		return executor;
	}

	@Override
	public void destroy() throws InterruptedException {
		// Sends cut short here are made again: their jobs' offsets were not committed.
		this.offices.values().forEach(ExecutorService::shutdownNow);
		this.mail.shutdownNow();
		this.mail.awaitTermination(5, TimeUnit.SECONDS);
	}

}
