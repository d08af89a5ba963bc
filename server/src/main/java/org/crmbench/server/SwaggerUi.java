package org.crmbench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Swagger UI from its webjar (no CDN: works offline), pointed at /api/schema/. */
final class SwaggerUi {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Map<String, String> TYPES = Map.of(
            "js",
            "text/javascript",
            "css",
            "text/css",
            "png",
            "image/png",
            "html",
            "text/html",
            "map",
            "application/json");
    private static final String INDEX = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>crmbench API</title>
              <link rel="stylesheet" href="swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({url: "/api/schema/", dom_id: "#swagger-ui", deepLinking: true});
              </script>
            </body>
            </html>
            """;

    private final String root;
    private final Map<String, ApiResponse> assets = new ConcurrentHashMap<>();

    SwaggerUi() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            pom.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the swagger-ui webjar is missing from the classpath", e);
        }
        root = WEBJAR + pom.getProperty("version") + "/";
    }

    ApiResponse index() {
        return ApiResponse.text("text/html; charset=utf-8", INDEX);
    }

    ApiResponse asset(String name) {
        if (!ASSET.matcher(name).matches()) {
            throw ApiError.notFound("no such file: " + ApiError.abbreviate(name));
        }
        return assets.computeIfAbsent(name, this::load);
    }

    private ApiResponse load(String name) {
        try (InputStream in = resource(root + name)) {
            if (in == null) {
                throw ApiError.notFound("no such file: " + name);
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return new ApiResponse(
                    200,
                    TYPES.getOrDefault(extension, "application/octet-stream"),
                    in.readAllBytes(),
                    java.util.Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        return SwaggerUi.class.getClassLoader().getResourceAsStream(path);
    }
}
