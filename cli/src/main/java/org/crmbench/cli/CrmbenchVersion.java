package org.crmbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** crmbench --version: crmbench's, Java's and the embedded PostgreSQL's versions, from the build. */
final class CrmbenchVersion implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = properties();
        return new String[] {
            "crmbench " + p.getProperty("version"),
            "Java " + Runtime.version() + ", embedded PostgreSQL " + p.getProperty("postgres")
        };
    }

    /** crmbench's own version, e.g. for the API's OpenAPI document. */
    static String crmbench() {
        try {
            return properties().getProperty("version");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Properties properties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = CrmbenchVersion.class.getResourceAsStream("/crmbench-version.properties")) {
            p.load(in);
        }
        return p;
    }
}
