package org.valise.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalTokenIssuerTests {

	@Test
	void createsAKeyPairOnceWithThePrivateKeyReadableByItsOwnerOnly(@TempDir Path keys) throws Exception {
		assertThat(LocalTokenIssuer.createKeys(keys)).isTrue();
		String publicKey = Files.readString(keys.resolve(LocalTokenIssuer.PUBLIC_KEY));

		assertThat(LocalTokenIssuer.createKeys(keys)).isFalse();
		assertThat(Files.readString(keys.resolve(LocalTokenIssuer.PUBLIC_KEY))).isEqualTo(publicKey);
		assertThat(publicKey).startsWith("-----BEGIN PUBLIC KEY-----");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(LocalTokenIssuer.PRIVATE_KEY))))
			.isEqualTo("rw-------");
	}

	@Test
	void readsDurationsAsPeopleWriteThem() {
		assertThat(LocalTokenIssuer.duration("12h")).isEqualTo(Duration.ofHours(12));
		assertThat(LocalTokenIssuer.duration("30m")).isEqualTo(Duration.ofMinutes(30));
		assertThat(LocalTokenIssuer.duration("7d")).isEqualTo(Duration.ofDays(7));
		assertThat(LocalTokenIssuer.duration("PT90S")).isEqualTo(Duration.ofSeconds(90));
		assertThatIllegalArgumentException().isThrownBy(() -> LocalTokenIssuer.duration("12y"));
	}

	@Test
	void refusesAnUnknownRoleOrAnOfficeTokenWithoutItsOffice(@TempDir Path keys) throws Exception {
		LocalTokenIssuer.createKeys(keys);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalTokenIssuer.run(new String[] { "token", keys.toString(), "admin" }))
			.withMessageContaining("unknown role 'admin'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalTokenIssuer.run(new String[] { "token", keys.toString(), "office" }))
			.withMessageContaining("needs the office id");
	}

}
