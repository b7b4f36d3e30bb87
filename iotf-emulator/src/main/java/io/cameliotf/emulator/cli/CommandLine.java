package io.cameliotf.emulator.cli;

import io.cameliotf.emulator.IotfEmulator;
import io.cameliotf.emulator.IotfEmulatorBuilder;
import io.cameliotf.emulator.console.ConsoleAdmin;
import io.cameliotf.emulator.historian.Durability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command line of the local service: {@code --flag value} or {@code --flag=value}. */
final class CommandLine {

    /** What a wrong command line is told. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Where {@code --console-admin} takes the password from (unless a file is named). */
    static final String PASSWORD_VARIABLE = "IOTF_CONSOLE_PASSWORD";

    static final String HELP = String.join("\n",
            "Usage: java -jar iotf-emulator.jar [--seed FILE] [--data DIR] [options]",
            "",
            "Runs a local IBM IoT Foundation service (MQTT gateway) in the foreground until Ctrl-C or SIGTERM.",
            "",
            "  --seed FILE              JSON file of organizations, API keys and devices to add at start;",
            "                           with --data, only what is missing is added and nothing else changes",
            "  --data DIR               keep the registry, durable sessions and the TLS certificate in DIR",
            "                           (default: in memory, nothing is kept after exit)",
            "  --bind ADDR              address every listener binds to (default 127.0.0.1; 0.0.0.0 for all)",
            "  --mqtt-port N            plain MQTT port (default 1883; 0 picks a free port)",
            "  --mqtts-port N           MQTT over TLS 1.2+ port (default 8883)",
            "  --ws-port N              MQTT over WebSocket port, paths / and /mqtt (default 8000)",
            "  --wss-port N             MQTT over secure WebSocket port, paths / and /mqtt (default 8001)",
            "  --http-port N            REST API and HTTP messaging port (default 8080)",
            "  --https-port N           REST API and HTTP messaging over TLS port (default 8443)",
            "  --shared-ports           MQTT, WebSocket and HTTP share each of the four ports --mqtt-port,",
            "                           --mqtts-port, --http-port and --https-port, as on IBM's service",
            "                           (no separate WebSocket ports; costs plain MQTT a hop, see the docs)",
            "  --ibm-ports              IBM's ports: --shared-ports on 1883, 8883, 80 and 443 (80 and 443",
            "                           need root); IBM's clients connect with their defaults",
            "  --domain NAME            domain the generated certificate covers as *.messaging.NAME",
            "                           (default " + IotfEmulator.DEFAULT_DOMAIN + ")",
            "  --tls-keystore FILE      PKCS#12 (.p12) or JKS (.jks) keystore to use instead of a generated",
            "                           certificate; its password comes from the environment variable",
            "                           IOTF_TLS_KEYSTORE_PASSWORD",
            "  --export-cert FILE       also write the TLS certificate as PEM to FILE, for clients to trust",
            "  --hash-iterations N      PBKDF2 iterations for newly stored tokens (default 10000)",
            "  --retention-days N       the historian keeps events for N days (default 30)",
            "  --retention-events N     the historian keeps at most N events, the oldest go first (default 10000000)",
            "  --no-historian           do not store events (the Historical Event API answers with no events)",
            "  --durability MODE        with --data, when a device event is acknowledged: written (default: once",
            "                           it is in the data file; survives a crash of the service), synced (also",
            "                           forced to the disk; survives a power cut) or fast (at once; a crash loses",
            "                           the last moments' events)",
            "  --store-timeout SECONDS  how long a device event's acknowledgement may wait for the historian",
            "                           before the event is refused (default 30)",
            "  --start-timeout SECONDS  how long the broker may take to start before the start fails (default 120)",
            "  --console-admin USER     the web console's administrator (signs in to every organization);",
            "                           the password comes from the environment variable",
            "                           IOTF_CONSOLE_PASSWORD or from --console-admin-password-file",
            "  --console-admin-password-file FILE",
            "                           read the administrator's password from FILE (its first line)",
            "  --help                   show this help",
            "");

    Path seed;
    Path data;
    Path tlsKeystore;
    Path exportCert;
    boolean help;
    private long retentionDays = 30;
    private long retentionEvents = 10_000_000;
    private String consoleAdmin;
    private Path consolePasswordFile;
    private final IotfEmulatorBuilder builder = IotfEmulator.builder();

    private CommandLine() {
    }

    /** Parses the arguments into a configured builder, or explains what is wrong. */
    static CommandLine parse(String[] args, Map<String, String> environment) throws UsageException {
        CommandLine cl = new CommandLine();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                cl.help = true;
                continue;
            }
            if (arg.equals("--no-historian")) {
                cl.builder.historian(false);
                continue;
            }
            if (arg.equals("--shared-ports")) {
                cl.builder.sharedPorts(true);
                continue;
            }
            if (arg.equals("--ibm-ports")) {
                // applied before the other flags, so that an explicit port still wins
                cl.builder.ibmPorts();
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "'. Options start with --; see --help.");
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException(name + " needs a value; see --help.");
            }
            values.put(name, value);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            cl.apply(e.getKey(), e.getValue(), environment);
        }
        cl.consoleAdmin(environment);
        return cl;
    }

    private void apply(String name, String value, Map<String, String> environment) throws UsageException {
        switch (name) {
            case "--seed":
                seed = Path.of(value);
                builder.seed(seed);
                break;
            case "--data":
                data = Path.of(value);
                builder.dataDirectory(data);
                break;
            case "--bind":
                builder.bindAddress(value);
                break;
            case "--mqtt-port":
                builder.mqttPort(port(name, value));
                break;
            case "--mqtts-port":
                builder.mqttsPort(port(name, value));
                break;
            case "--ws-port":
                builder.wsPort(port(name, value));
                break;
            case "--wss-port":
                builder.wssPort(port(name, value));
                break;
            case "--http-port":
                builder.httpPort(port(name, value));
                break;
            case "--https-port":
                builder.httpsPort(port(name, value));
                break;
            case "--domain":
                builder.domain(value);
                break;
            case "--tls-keystore":
                tlsKeystore = Path.of(value);
                String password = environment.get("IOTF_TLS_KEYSTORE_PASSWORD");
                if (password == null) {
                    throw new UsageException("--tls-keystore needs the keystore password in the environment variable "
                            + "IOTF_TLS_KEYSTORE_PASSWORD (it is not taken on the command line, where others can read it).");
                }
                builder.tlsKeystore(tlsKeystore, password);
                break;
            case "--export-cert":
                exportCert = Path.of(value);
                break;
            case "--hash-iterations":
                builder.hashIterations(number(name, value, 1, 10_000_000));
                break;
            case "--retention-days":
                retentionDays = number(name, value, 1, 36_500);
                builder.retention(java.time.Duration.ofDays(retentionDays), retentionEvents);
                break;
            case "--retention-events":
                retentionEvents = number(name, value, 1, Integer.MAX_VALUE);
                builder.retention(java.time.Duration.ofDays(retentionDays), retentionEvents);
                break;
            case "--durability":
                try {
                    builder.durability(Durability.parse(value));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(name + ": " + e.getMessage() + ".");
                }
                break;
            case "--console-admin":
                consoleAdmin = value;
                break;
            case "--console-admin-password-file":
                consolePasswordFile = Path.of(value);
                break;
            case "--start-timeout":
                builder.startTimeout(java.time.Duration.ofSeconds(number(name, value, 1, 3_600)));
                break;
            case "--store-timeout":
                builder.storeTimeout(java.time.Duration.ofSeconds(number(name, value, 1, 3_600)));
                break;
            default:
                throw new UsageException("Unknown option " + name + "; see --help.");
        }
    }

    /**
     * The console administrator: {@code --console-admin USER} with the password from
     * {@code --console-admin-password-file} or {@code IOTF_CONSOLE_PASSWORD}, never from the command line (where
     * other users of the machine can read it).
     */
    private void consoleAdmin(Map<String, String> environment) throws UsageException {
        if (consoleAdmin == null) {
            if (consolePasswordFile != null) {
                throw new UsageException("--console-admin-password-file needs --console-admin USER (the "
                        + "administrator the password is for).");
            }
            return;
        }
        String problem = ConsoleAdmin.userProblem(consoleAdmin);
        if (problem != null) {
            throw new UsageException("--console-admin: the user " + problem + ".");
        }
        char[] password;
        if (consolePasswordFile != null) {
            password = passwordFile(consolePasswordFile);
        } else {
            String env = environment.get(PASSWORD_VARIABLE);
            if (env == null) {
                throw new UsageException("--console-admin needs the administrator's password: set the environment "
                        + "variable " + PASSWORD_VARIABLE + " or give --console-admin-password-file FILE (it is not "
                        + "taken on the command line, where others can read it).");
            }
            if (env.isEmpty()) {
                throw new UsageException("--console-admin: the environment variable " + PASSWORD_VARIABLE
                        + " is empty; set it to the administrator's password.");
            }
            password = env.toCharArray();
        }
        try {
            builder.consoleAdmin(consoleAdmin, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--console-admin: " + e.getMessage() + ".");
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The first line of the password file, without its line end. */
    private static char[] passwordFile(Path file) throws UsageException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageException("--console-admin-password-file: " + file + " does not exist.");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("--console-admin-password-file: " + file + " cannot be read: " + e.getMessage()
                    + ".");
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new UsageException("--console-admin-password-file: " + file + " is empty; its first line must be "
                    + "the administrator's password.");
        }
        return line.toCharArray();
    }

    IotfEmulatorBuilder builder() {
        return builder;
    }

    private static int port(String name, String value) throws UsageException {
        return number(name, value, 0, 65_535);
    }

    private static int number(String name, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new UsageException(name + ": '" + value + "' is not a number from " + min + " to " + max + ".");
    }
}
