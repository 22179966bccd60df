package org.valise.notification.delivery;

import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ClassUtils;

/**
 * Jakarta Mail 2.1 looks its {@link StreamProvider} up again at every call ({@code StreamProvider.provider()}, from every
 * encoded header, body part and content transfer encoding; jakartaee/mail-api#861): a {@code ServiceLoader} over the
 * whole class path each time — a JFR profile of the benchmark put most of the mail lanes' samples and a sixth of the
 * sender's there. Its {@code FactoryFinder} reads a system property named after the interface first: naming Angus
 * Mail's provider there turns each lookup into a class found by name. An operator's own setting is left alone, and
 * nothing is pinned when Angus Mail is not on the class path.
 */
final class MailStreams {

	/** Angus Mail's provider, the one its {@code META-INF/services} entry names. */
	static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	private static final Logger log = LoggerFactory.getLogger(MailStreams.class);

	private MailStreams() {
	}

	/** Names Angus Mail's provider in the system property, unless one is named already; whether it did. */
	static synchronized boolean pin() {
		String property = StreamProvider.class.getName();
		if (System.getProperty(property) != null
				|| !ClassUtils.isPresent(ANGUS_PROVIDER, MailStreams.class.getClassLoader())) {
			return false;
		}
		System.setProperty(property, ANGUS_PROVIDER);
		log.info("Jakarta Mail's stream provider pinned to {} (-D{}): no class path scan per header", ANGUS_PROVIDER,
				property);
		return true;
	}

}
