package io.cameliotf.iotf.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context that trusts the certificates of a PEM file (the option caFile): the service's own certificate or the
 * CA that signed it, as the local service exports them (--export-cert) and as IBM's SDKs take them. Only these
 * certificates are trusted, not the JDK's; host names are still verified by the clients.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /** A TLS 1.2+ context trusting the certificates of {@code pemFile}; errors name the option and the file. */
    public static SSLContext sslContext(Path pemFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The option caFile '" + pemFile + "' does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("The option caFile '" + pemFile + "' cannot be read: " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("The option caFile '" + pemFile + "' is not a PEM file of certificates "
                    + "(-----BEGIN CERTIFICATE----- ...): " + e.getMessage()); // the message says it all
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("The option caFile '" + pemFile + "' holds no certificate");
        }
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot make a TLS context trusting " + pemFile + ": " + e.getMessage(), e);
        }
    }
}
