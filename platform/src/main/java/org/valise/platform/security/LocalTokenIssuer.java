package org.valise.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The local run's token issuer, standing in for an organisation's identity provider on a laptop: creates an RSA key
 * pair ({@code jwt-private.pem}, {@code jwt-public.pem}; the services trust the public one) and signs RS256 tokens
 * with the claims the services read ({@code sub}, {@code roles}, {@code office}, {@code iss}, {@code aud},
 * {@code exp}). Uses the JDK alone, so {@code ./valise token} runs it straight from this module's jar:
 * <pre>
 * java -cp platform.jar org.valise.platform.security.LocalTokenIssuer keys DIR
 * java -cp platform.jar org.valise.platform.security.LocalTokenIssuer token DIR ROLE [OFFICE] [--name N] [--ttl 12h]
 * </pre>
 */
public final class LocalTokenIssuer {

	/** The issuer the local tokens carry (and the local profile expects). */
	public static final String ISSUER = "valise-local";

	/** The audience the local tokens carry (and the local profile expects). */
	public static final String AUDIENCE = "valise";

	public static final String PRIVATE_KEY = "jwt-private.pem";

	public static final String PUBLIC_KEY = "jwt-public.pem";

	private final PrivateKey key;

	public LocalTokenIssuer(PrivateKey key) {
		this.key = key;
	}

	/** The issuer of the key pair in a directory. */
	public static LocalTokenIssuer from(Path keys) throws IOException {
		Path file = keys.resolve(PRIVATE_KEY);
		if (!Files.isRegularFile(file)) {
			throw new IOException("No " + file + ": the local run creates it at its first start (./valise up)");
		}
		String pem = Files.readString(file, StandardCharsets.US_ASCII)
			.replaceAll("-----[A-Z ]+-----", "")
			.replaceAll("\\s", "");
		try {
			return new LocalTokenIssuer(KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IOException(file + " is not an RSA private key in PKCS#8 PEM", ex);
		}
	}

	/** Creates a key pair in the directory unless one is there; returns whether it created one. */
	public static boolean createKeys(Path keys) throws IOException {
		if (Files.isRegularFile(keys.resolve(PRIVATE_KEY)) && Files.isRegularFile(keys.resolve(PUBLIC_KEY))) {
			return false;
		}
		KeyPair pair = newKeyPair();
		Files.createDirectories(keys);
		Path privateKey = keys.resolve(PRIVATE_KEY);
		Files.deleteIfExists(privateKey);
		Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
		Files.writeString(keys.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
				StandardCharsets.US_ASCII);
		return true;
	}

	static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java platform has RSA", ex);
		}
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

	/**
	 * A signed token.
	 * @param subject who the caller is
	 * @param roles its roles ({@code submitter}, {@code clerk}, {@code office}, {@code operator}, {@code auditor})
	 * @param office its office id, or null
	 * @param issuedAt when the token starts to be valid
	 * @param ttl how long it stays valid
	 */
	public String token(String subject, List<String> roles, String office, Instant issuedAt, Duration ttl) {
		StringBuilder claims = new StringBuilder("{");
		claims.append("\"iss\":").append(json(ISSUER));
		claims.append(",\"aud\":").append(json(AUDIENCE));
		claims.append(",\"sub\":").append(json(subject));
		claims.append(",\"roles\":[");
		for (int i = 0; i < roles.size(); i++) {
			claims.append((i > 0) ? "," : "").append(json(roles.get(i)));
		}
		claims.append(']');
		if (office != null) {
			claims.append(",\"office\":").append(json(office));
		}
		claims.append(",\"iat\":").append(issuedAt.getEpochSecond());
		claims.append(",\"nbf\":").append(issuedAt.getEpochSecond());
		claims.append(",\"exp\":").append(issuedAt.plus(ttl).getEpochSecond());
		claims.append(",\"jti\":").append(json(UUID.randomUUID().toString()));
		claims.append('}');
		String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims.toString());
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(this.key);
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not sign a token", ex);
		}
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String json(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/** Parses "12h", "30m", "7d", "90s" or an ISO-8601 duration. */
	static Duration duration(String text) {
		String t = text.strip().toLowerCase(Locale.ROOT);
		if (t.startsWith("p")) {
			return Duration.parse(t.toUpperCase(Locale.ROOT));
		}
		long amount = Long.parseLong(t.substring(0, t.length() - 1));
		return switch (t.charAt(t.length() - 1)) {
			case 's' -> Duration.ofSeconds(amount);
			case 'm' -> Duration.ofMinutes(amount);
			case 'h' -> Duration.ofHours(amount);
			case 'd' -> Duration.ofDays(amount);
			default -> throw new IllegalArgumentException("not a duration: " + text + " (e.g. 12h, 30m, 7d)");
		};
	}

	public static void main(String[] args) {
		try {
			System.exit(run(args));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("valise token: " + ex.getMessage());
			System.exit(2);
		}
	}

	static int run(String[] args) throws IOException {
		if (args.length >= 2 && args[0].equals("keys")) {
			boolean created = createKeys(Path.of(args[1]));
			System.err.println((created ? "created " : "kept ") + Path.of(args[1]).resolve(PUBLIC_KEY));
			return 0;
		}
		if (args.length >= 3 && args[0].equals("token")) {
			Path keys = Path.of(args[1]);
			String role = args[2].toLowerCase(Locale.ROOT);
			if (Role.fromClaim(role).isEmpty()) {
				throw new IllegalArgumentException("unknown role '" + args[2]
						+ "': submitter, clerk, office, operator or auditor");
			}
			String office = null;
			String name = null;
			Duration ttl = Duration.ofHours(12);
			List<String> rest = new ArrayList<>(List.of(args).subList(3, args.length));
			for (int i = 0; i < rest.size(); i++) {
				switch (rest.get(i)) {
					case "--name" -> name = rest.get(++i);
					case "--ttl" -> ttl = duration(rest.get(++i));
					default -> office = rest.get(i).toUpperCase(Locale.ROOT);
				}
			}
			if (role.equals("office") && office == null) {
				throw new IllegalArgumentException("an office token needs the office id: ./valise token office ODG");
			}
			String subject = (name != null) ? name : (office != null) ? role + "-" + office.toLowerCase(Locale.ROOT)
					: "local-" + role;
			System.out.println(from(keys).token(subject, List.of(role), office, Instant.now(), ttl));
			return 0;
		}
		System.err.println("usage: LocalTokenIssuer keys DIR | token DIR ROLE [OFFICE] [--name NAME] [--ttl 12h]");
		return 2;
	}

}
