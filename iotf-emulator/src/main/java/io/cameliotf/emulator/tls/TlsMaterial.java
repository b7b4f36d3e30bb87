package io.cameliotf.emulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and certificate of the TLS listeners (MQTT and HTTPS). Either the operator's own PKCS#12 or JKS
 * keystore, or a self-signed certificate generated on first start, kept in the data directory and reused.
 * The generated certificate names {@code localhost}, the loopback addresses, the bind address and, so that
 * IBM's stock clients can connect to {@code <org>.messaging.<domain>} [5.1.1], {@code *.messaging.<domain>}
 * and {@code *.<domain>}. It can be exported as PEM for clients to trust.
 */
public final class TlsMaterial {

    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
    private static final String ALIAS = "iotf-emulator";
    private static final String KEYSTORE_FILE = "iotf-emulator.p12";
    private static final String PASSWORD_FILE = "iotf-emulator.p12.password";
    private static final String PEM_FILE = "iotf-emulator-cert.pem";

    private final Path keystore;
    private final String password;
    private final X509Certificate certificate;
    private final Path pemFile;

    private TlsMaterial(Path keystore, String password, X509Certificate certificate, Path pemFile) {
        this.keystore = keystore;
        this.password = password;
        this.certificate = certificate;
        this.pemFile = pemFile;
    }

    /** Loads an operator's keystore (PKCS#12 or JKS, with one private key entry). */
    public static TlsMaterial load(Path keystore, String password, Path exportDirectory) {
        try {
            KeyStore ks = loadKeyStore(keystore, password);
            X509Certificate cert = firstKeyCertificate(ks, keystore);
            return exported(keystore, password, cert, exportDirectory);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the TLS keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /**
     * The self-signed material in {@code directory}: reused when it exists and still covers the host names,
     * generated otherwise.
     */
    public static TlsMaterial selfSigned(Path directory, String domain, String bindAddress) {
        Set<String> names = hostNames(domain, bindAddress);
        Path keystore = directory.resolve(KEYSTORE_FILE);
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(directory);
            if (Files.exists(keystore) && Files.exists(passwordFile)) {
                String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
                X509Certificate cert = firstKeyCertificate(loadKeyStore(keystore, password), keystore);
                if (covers(cert, names) && cert.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(1)))) {
                    return exported(keystore, password, cert, directory);
                }
                LOG.info("Regenerating the self-signed certificate: it does not cover {} or is about to expire", names);
            }
            String password = newPassword();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate cert = selfSignedCertificate(pair, names);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {cert});
            writePrivate(passwordFile, password.getBytes(StandardCharsets.UTF_8));
            try (OutputStream out = Files.newOutputStream(keystore)) {
                ks.store(out, password.toCharArray());
            }
            LOG.info("Generated a self-signed TLS certificate for {}", names);
            return exported(keystore, password, cert, directory);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create the TLS certificate in " + directory + ": " + e.getMessage(), e);
        }
    }

    public Path keystore() {
        return keystore;
    }

    public String password() {
        return password;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as a PEM file, for clients to trust (for example {@code mosquitto_sub --cafile}). */
    public Path certificatePemFile() {
        return pemFile;
    }

    public String certificatePem() {
        return pem(certificate);
    }

    /** A trust store holding just this certificate. */
    public KeyStore trustStore() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry(ALIAS, certificate);
            return ts;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client SSL context that trusts this certificate (TLS 1.2 or newer). */
    public SSLContext clientSslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> hostNames(String domain, String bindAddress) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (bindAddress != null && !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            names.add(bindAddress);
        }
        if (domain != null && !domain.isEmpty()) {
            names.add("*.messaging." + domain);
            names.add("messaging." + domain);
            names.add("*." + domain);
            names.add(domain);
        }
        return names;
    }

    private static X509Certificate selfSignedCertificate(KeyPair pair, Set<String> names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500Name("CN=IoTF local service,O=camel-iotf");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
        List<GeneralName> sans = new ArrayList<>();
        for (String name : names) {
            boolean ip = Character.isDigit(name.charAt(0)) || name.contains(":");
            sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName,
                    ip ? InetAddress.getByName(name).getHostAddress() : name));
        }
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
        // self-signed and its own CA, so clients can load it as a CA file
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyCertSign));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(pair.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static boolean covers(X509Certificate cert, Set<String> names) throws GeneralSecurityException {
        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        if (sans == null) {
            return false;
        }
        Set<String> present = new LinkedHashSet<>();
        for (List<?> san : sans) {
            present.add(String.valueOf(san.get(1)));
        }
        for (String name : names) {
            boolean ip = Character.isDigit(name.charAt(0)) || name.contains(":");
            if (!ip && !present.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static TlsMaterial exported(Path keystore, String password, X509Certificate cert, Path directory)
            throws IOException {
        Path pem = directory.resolve(PEM_FILE);
        Files.createDirectories(directory);
        Files.writeString(pem, pem(cert), StandardCharsets.US_ASCII);
        return new TlsMaterial(keystore, password, cert, pem);
    }

    private static KeyStore loadKeyStore(Path path, String password) throws IOException, GeneralSecurityException {
        String type = path.getFileName().toString().toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12";
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static X509Certificate firstKeyCertificate(KeyStore ks, Path path) throws GeneralSecurityException {
        for (Enumeration<String> aliases = ks.aliases(); aliases.hasMoreElements();) {
            String alias = aliases.nextElement();
            if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate) {
                return (X509Certificate) ks.getCertificate(alias);
            }
        }
        throw new GeneralSecurityException("no private key entry with an X.509 certificate in " + path);
    }

    private static String pem(X509Certificate cert) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default permissions
        }
    }
}
