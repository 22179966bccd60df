package org.valise.intake.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link BrokerGate}: told of every send's outcome by the intake, and probing the broker every
 * {@code valise.intake.broker.probe-interval} with a {@code describeCluster} bounded by the probe timeout, so that a
 * broker that went away closes the gate even before a send fails, and a broker that came back opens it within about
 * one interval. Exposes {@code valise.intake.broker.available} (1 open, 0 closed).
 */
@Component
public class BrokerWatch implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BrokerWatch.class);

	private final BrokerGate gate;

	private final BrokerProperties properties;

	private final Map<String, Object> adminConfig;

	private final Clock clock;

	private ScheduledExecutorService prober;

	private AdminClient admin;

	BrokerWatch(BrokerProperties properties, KafkaAdmin kafkaAdmin, Clock clock, MeterRegistry meters) {
		this.gate = new BrokerGate(properties.retryAfter(), properties.probeFailuresToClose());
		this.properties = properties;
		this.adminConfig = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		this.adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "intake-broker-probe");
		this.clock = clock;
		Gauge.builder("valise.intake.broker.available", this.gate,
				(gate) -> (gate.state() == BrokerGate.State.OPEN) ? 1 : 0)
			.description("Whether intake sends submissions to Kafka (1) or refuses them at once with 503 (0)")
			.register(meters);
	}

	/**
	 * Lets a submission go to Kafka, or refuses it at once.
	 * @throws BrokerUnavailableException while the gate is closed
	 */
	public void admit() {
		BrokerGate.Admission admission = this.gate.admit();
		if (!admission.admitted()) {
			throw new BrokerUnavailableException(admission.retryAfter());
		}
	}

	/**
	 * A send failed; closes the gate if the broker is to blame.
	 * @return whether the broker is to blame (see {@link BrokerFailures#isUnavailability})
	 */
	public boolean failed(Throwable failure) {
		if (!BrokerFailures.isUnavailability(failure)) {
			return false;
		}
		if (this.gate.sendFailed(this.clock.instant()) == BrokerGate.Change.CLOSED) {
			logger.warn("Kafka did not answer a send ({}): submissions are refused with 503 until it answers again",
					BrokerFailures.describe(failure));
		}
		return true;
	}

	/** A refusal of a submission, for a reason of the caller's that also keeps it from Kafka. */
	public BrokerUnavailableException unavailable() {
		return new BrokerUnavailableException(this.properties.retryAfter());
	}

	/** Whether the broker answered the last probe or send (the gate is open). */
	public boolean reachable() {
		return this.gate.state() == BrokerGate.State.OPEN;
	}

	/** A send was acknowledged. */
	public void succeeded() {
		if (this.gate.sendSucceeded() == BrokerGate.Change.OPENED) {
			logger.info("Kafka answers again: submissions are accepted");
		}
	}

	void probe() {
		boolean reachable = answersProbe();
		Instant now = this.clock.instant();
		BrokerGate.Change change = this.gate.probed(now, reachable);
		if (change == BrokerGate.Change.CLOSED) {
			logger.warn("Kafka did not answer {} probes in a row: submissions are refused with 503 until it answers",
					this.properties.probeFailuresToClose());
		}
		else if (change == BrokerGate.Change.OPENED) {
			logger.info("Kafka answers again: submissions are accepted");
		}
	}

	/** Whether the broker answered a describeCluster: with its cluster id, or with a refusal that is no timeout. */
	private boolean answersProbe() {
		long timeout = this.properties.probeTimeout().toMillis();
		try {
			this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
				.clusterId()
				.get(timeout + 500, TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException ex) {
			return !BrokerFailures.isUnavailability(ex);
		}
	}

	@Override
	public synchronized void start() {
		this.admin = AdminClient.create(this.adminConfig);
		this.prober = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "intake-broker-probe");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.probeInterval().toMillis();
		this.prober.scheduleWithFixedDelay(this::probeQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void probeQuietly() {
		try {
			probe();
		}
		catch (RuntimeException ex) {
			logger.debug("Broker probe failed", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.prober != null) {
			this.prober.shutdownNow();
			this.prober = null;
		}
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
			this.admin = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.prober != null;
	}

}
