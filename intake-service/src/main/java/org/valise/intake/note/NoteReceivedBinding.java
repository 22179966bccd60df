package org.valise.intake.note;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.messaging.DirectWithAttributesChannel;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.valise.intake.kafka.BrokerWatch;

/**
 * Binds the output binding {@code noteReceived-out-0} (destination and producer settings in application.yml) once
 * Kafka answers, on a thread of its own, so that intake starts, and answers 503 at once, while Kafka is down: the
 * Kafka binder reads the topic's partitions when it binds, which without a broker takes a minute of retries. First it
 * declares intake's topics ({@link KafkaAdmin#initialize()}: created, or their configuration set again), so that
 * nothing is claimed or published before they exist. Until bound, the channel has no subscriber and sends fail at once.
 */
class NoteReceivedBinding implements SmartLifecycle {

	static final String NAME = "noteReceived-out-0";

	private static final Logger logger = LoggerFactory.getLogger(NoteReceivedBinding.class);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private static final int STARTUP_WAIT_SECONDS = 10;

	private final BindingService bindings;

	private final KafkaAdmin admin;

	private final DirectWithAttributesChannel channel;

	private final BrokerWatch broker;

	private volatile boolean running;

	private Thread binder;

	NoteReceivedBinding(BindingService bindings, KafkaAdmin admin, DirectWithAttributesChannel channel,
			BrokerWatch broker) {
		this.bindings = bindings;
		this.admin = admin;
		this.channel = channel;
		this.broker = broker;
	}

	/** Whether sends can go out: the binder's producer is subscribed to the channel. */
	boolean bound() {
		return this.channel.getSubscriberCount() > 0;
	}

	private void bindWhenKafkaAnswers() {
		while (this.running) {
			if (this.broker.reachable() && this.admin.initialize()) {
				this.bindings.bindProducer(this.channel, NAME, true);
				logger.info("Topics declared; output binding {} bound", NAME);
				return;
			}
			try {
				Thread.sleep(RETRY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Starts binding, and waits while it goes on and Kafka answers (at most {@value #STARTUP_WAIT_SECONDS} s), so that
	 * an intake started with Kafka there takes notes from its first request on.
	 */
	@Override
	public synchronized void start() {
		this.running = true;
		this.binder = new Thread(this::bindWhenKafkaAnswers, "intake-binding");
		this.binder.setDaemon(true);
		this.binder.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_WAIT_SECONDS);
		while (!bound() && this.binder.isAlive() && this.broker.reachable() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.binder != null) {
			this.binder.interrupt();
			this.binder = null;
		}
		if (bound()) {
			this.bindings.unbindProducers(null, NAME);
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	/** Started before the web server takes requests, stopped after it. */
	@Override
	public int getPhase() {
		return 0;
	}

}
