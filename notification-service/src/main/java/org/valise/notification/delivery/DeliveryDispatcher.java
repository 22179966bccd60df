package org.valise.notification.delivery;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.valise.notification.ValiseProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs delivery attempts off the Kafka Streams thread, on one small bounded executor per office, so a slow or dead
 * office only ever delays its own deliveries. {@link #offer} never blocks: when an office's queue is full the attempt
 * stays in the outbox for a later scan.
 */
@Component
public class DeliveryDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final DeliveryWorker worker;

	private final int threads;

	private final int queue;

	private final MeterRegistry meters;

	private final ConcurrentMap<String, ThreadPoolExecutor> executors = new ConcurrentHashMap<>();

	DeliveryDispatcher(DeliveryWorker worker, ValiseProperties properties, MeterRegistry meters) {
		this.worker = worker;
		this.threads = Math.max(1, properties.delivery().threadsPerOffice());
		this.queue = Math.max(1, properties.delivery().queuePerOffice());
		this.meters = meters;
	}

	/**
	 * Hands an attempt to its office's executor.
	 * @return false when the office's queue is full (or the service is stopping): try again later
	 */
	public boolean offer(DeliveryJob job) {
		ThreadPoolExecutor executor = this.executors.computeIfAbsent(job.office().id(), this::executor);
		try {
			executor.execute(() -> this.worker.attempt(job));
			return true;
		}
		catch (RejectedExecutionException ex) {
			log.debug("Queue of office {} is full: delivery {} of note {} waits", job.office().id(), job.deliveryId(),
					job.noteId());
			return false;
		}
	}

	private ThreadPoolExecutor executor(String office) {
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(this.threads, this.threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(this.queue), (task) -> {
					Thread thread = new Thread(task, "delivery-" + office + "-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		executor.allowCoreThreadTimeOut(true);
		Gauge.builder("valise.delivery.queued", executor, (e) -> e.getQueue().size() + e.getActiveCount())
			.description("Delivery attempts queued or running for an office")
			.tag("office", office)
			.register(this.meters);
		return executor;
	}

	@Override
	public void destroy() throws InterruptedException {
		// Attempts cut short here are dispatched again once their lease expires (at-least-once towards offices).
		this.executors.values().forEach(ThreadPoolExecutor::shutdownNow);
		for (ThreadPoolExecutor executor : this.executors.values()) {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
	}

}
