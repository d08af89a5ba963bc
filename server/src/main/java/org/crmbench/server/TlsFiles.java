package org.crmbench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The server's certificate chain and private key, as PEM files (what openssl, certbot and every
 * CA hand out), turned into the in-memory key store Jetty takes.
 *
 * <p>The JDK reads PEM certificates itself; for the key it reads PKCS#8 DER, which a
 * {@code BEGIN PRIVATE KEY} block is in Base64 (OpenSSL 3's default for RSA, EC and Ed25519).
 * Older PKCS#1/SEC1 blocks and encrypted keys get the one openssl command that converts them:
 * BouncyCastle would read them, at 9 MB of jars for a conversion done once.
 *
 * @param certificate the certificate, then any intermediates (PEM)
 * @param privateKey its key, readable by its owner only (PostgreSQL and OpenSSH refuse others too)
 */
public record TlsFiles(Path certificate, Path privateKey) {
    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final Pattern OTHER_KEY = Pattern.compile("-----BEGIN ([A-Z ]*PRIVATE KEY)-----");
    private static final List<PosixFilePermission> OTHERS_READ =
            List.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Reads both files now, so that a wrong one is reported before the server starts anything. */
    public void verify() {
        sslContextFactory();
    }

    /** Jetty's TLS context for these files, preferring the ciphers HTTP/2 allows. */
    SslContextFactory.Server sslContextFactory() {
        List<Certificate> chain = certificates();
        PrivateKey key = privateKey(chain.getFirst());
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        char[] storePassword = HexFormat.of().formatHex(random).toCharArray(); // the store lives in memory only
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("crmbench", key, storePassword, chain.toArray(Certificate[]::new));
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(store);
            tls.setKeyStorePassword(new String(storePassword));
            tls.setCipherComparator(HTTP2Cipher.COMPARATOR);
            tls.setSniRequired(false);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("--tls-cert/--tls-key: " + e.getMessage(), e);
        }
    }

    private List<Certificate> certificates() {
        try (InputStream in = Files.newInputStream(certificate)) {
            List<Certificate> chain =
                    List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("--tls-cert " + certificate + " holds no certificate");
            }
            return chain;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --tls-cert " + certificate + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "--tls-cert " + certificate + " is not a PEM certificate (" + e.getMessage() + ")");
        }
    }

    private PrivateKey privateKey(Certificate certificate) {
        String pem = readKeyFile();
        Matcher pkcs8 = PKCS8.matcher(pem);
        if (!pkcs8.find()) {
            Matcher other = OTHER_KEY.matcher(pem);
            String found = other.find() ? "a '" + other.group(1) + "' block" : "no PEM private key";
            throw new IllegalArgumentException("--tls-key " + privateKey + " holds " + found
                    + "; crmbench reads unencrypted PKCS#8 ('BEGIN PRIVATE KEY'). Convert it with:"
                    + " openssl pkcs8 -topk8 -nocrypt -in " + privateKey + " -out key.pem");
        }
        String algorithm = certificate.getPublicKey().getAlgorithm();
        try {
            byte[] der = Base64.getMimeDecoder().decode(pkcs8.group(1));
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            requireMatch(key, certificate);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--tls-key " + privateKey + " is not a " + algorithm
                    + " key that belongs to the certificate in --tls-cert " + this.certificate + " ("
                    + e.getMessage() + ")");
        }
    }

    private String readKeyFile() {
        try {
            if (Files.getPosixFilePermissions(privateKey).stream().anyMatch(OTHERS_READ::contains)) {
                throw new IllegalArgumentException("--tls-key " + privateKey
                        + " is readable by other accounts; make it yours only: chmod 600 " + privateKey);
            }
            return Files.readString(privateKey, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --tls-key " + privateKey + ": " + e.getMessage());
        }
    }

    /** A signature made with the key checks out with the certificate's public key. */
    private static void requireMatch(PrivateKey key, Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        byte[] probe = "crmbench".getBytes(StandardCharsets.US_ASCII);
        Signature sign = Signature.getInstance(algorithm);
        sign.initSign(key);
        sign.update(probe);
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance(algorithm);
        verify.initVerify(certificate.getPublicKey());
        verify.update(probe);
        if (!verify.verify(signature)) {
            throw new GeneralSecurityException("the key does not match the certificate's public key");
        }
    }
}
