package org.feedback.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the packaged jars and the test work folder are; the build passes them as system properties. */
final class Jars {

    private Jars() {
    }

    static Path agent() {
        return existing("feedback.agent.jar");
    }

    /** Returns the launcher script of the agent's one-shot commands. */
    static Path agentLauncher() {
        return existing("feedback.agent.launcher");
    }

    static Path ingestServer() {
        return existing("feedback.ingest.jar");
    }

    static Path workDir() {
        return Path.of(System.getProperty("feedback.work.dir", "target/e2e"));
    }

    /** Returns the java command of the running JVM, so child processes use the same Java. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with Maven");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " does not exist; build the project with ./mvnw verify first");
        }
        return path;
    }
}
