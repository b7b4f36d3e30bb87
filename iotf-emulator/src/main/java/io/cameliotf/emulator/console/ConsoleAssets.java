package io.cameliotf.emulator.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's static files, from the class path: the pages under {@value #BASE} and uPlot (the one third-party
 * library, for charts) from its webjar, {@code org.webjars.npm:uplot} (fetched by Maven, never copied into the
 * repository). Paths with {@code ..}, backslashes or empty segments are never resolved; there are no directory
 * listings. Files are read once and kept (they are part of the jar).
 */
final class ConsoleAssets {

    static final String BASE = "iotf-console/";
    /** The version of the uPlot webjar on the class path (the pom names it; its files are under it). */
    static final String UPLOT_VERSION = webjarVersion("META-INF/maven/org.webjars.npm/uplot/pom.properties");
    static final String UPLOT = "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final ClassLoader loader = ConsoleAssets.class.getClassLoader();
    private final Map<String, Buffer> cache = new ConcurrentHashMap<>();

    /** Answers {@code ctx} with the console file at {@code path} (relative to {@value #BASE}), or 404. */
    void page(RoutingContext ctx, String path) {
        serve(ctx, BASE, path);
    }

    /** Answers {@code ctx} with a file of uPlot's {@code dist/} folder, or 404. */
    void uplot(RoutingContext ctx, String file) {
        serve(ctx, UPLOT, file);
    }

    private void serve(RoutingContext ctx, String base, String path) {
        String type = type(path);
        Optional<Buffer> body = safe(path) && type != null ? file(base + path) : Optional.empty();
        if (body.isEmpty()) {
            ConsoleReplies.error(ctx, 404, "The console has no file " + ctx.request().path());
            return;
        }
        ConsoleHeaders.apply(ctx.response()).putHeader("Content-Type", type).putHeader("Cache-Control", "no-cache");
        if (ctx.request().method().name().equals("HEAD")) {
            ctx.response().putHeader("Content-Length", String.valueOf(body.get().length())).end();
        } else {
            ctx.response().end(body.get());
        }
    }

    /** A file, kept once read (only files that exist: unknown names must not fill the memory). */
    private Optional<Buffer> file(String resource) {
        Buffer kept = cache.get(resource);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Buffer> read = read(resource);
        read.ifPresent(b -> cache.put(resource, b));
        return read;
    }

    private Optional<Buffer> read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String webjarVersion(String pomProperties) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(pomProperties)) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }

    /** A path of plain segments only. */
    static boolean safe(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("%")) {
                return false;
            }
        }
        return true;
    }

    /** The Content-Type of a file by its extension, or null for one the console does not serve. */
    static String type(String path) {
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
