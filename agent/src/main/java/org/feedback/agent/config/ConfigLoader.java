package org.feedback.agent.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.feedback.agent.collect.ServerConnection;
import org.feedback.agent.collect.UserFacts;
import org.feedback.agent.deliver.HttpSettings;

/**
 * Makes the {@link AgentConfig} from, in this order of precedence: the command line, environment variables
 * ({@code FEEDBACK_AGENT_*}), the {@code [feedback-agent]} group of the option files, their {@code [client]},
 * {@code [client-server]} and {@code [client-mariadb]} groups (connection settings only), and the defaults.
 *
 * <p>Every value is checked here, once, at start; an invalid one raises {@link ConfigException} naming the
 * option, the value, where it came from and the allowed range. The password is never part of a message.
 */
public final class ConfigLoader {

    /** The option file group of the agent's own settings. */
    public static final String AGENT_GROUP = "feedback-agent";
    private static final List<String> CLIENT_GROUPS = List.of("client", "client-server", "client-mariadb");
    private static final int MAX_USER_TEXT_CHARS = 1024;
    /** Maximum length of a value that an error message repeats whole. A longer value is cut to its first 40 characters. */
    private static final int MAX_QUOTED_CHARS = 60;
    private static final int QUOTED_PREFIX_CHARS = 40;

    private final Map<String, String> environment;
    private final Path homeDirectory;
    private final List<Path> systemFiles;

    /**
     * @param environment    environment variables to read
     * @param homeDirectory  the user's home, where {@code .my.cnf} is looked for
     * @param systemFiles    option files read before {@code ~/.my.cnf} when they exist
     */
    public ConfigLoader(Map<String, String> environment, Path homeDirectory, List<Path> systemFiles) {
        this.environment = Map.copyOf(environment);
        this.homeDirectory = homeDirectory;
        this.systemFiles = List.copyOf(systemFiles);
    }

    /** Returns a loader that reads this process's environment, home directory and the usual system option files. */
    public static ConfigLoader fromSystem() {
        return new ConfigLoader(System.getenv(), Path.of(System.getProperty("user.home")),
                List.of(Path.of("/etc/my.cnf"), Path.of("/etc/mysql/my.cnf")));
    }

    /**
     * Loads and checks the configuration.
     *
     * @param commandLine  values given on the command line; a setting given more than once keeps every value
     * @param files        which option files to read
     */
    public AgentConfig load(Map<Setting, List<String>> commandLine, OptionFiles files) throws ConfigException {
        Map<Setting, Value> raw = resolve(commandLine, readOptionFiles(files));
        Values values = new Values(raw);

        ServerConnection server = new ServerConnection(
                values.text(Setting.HOST),
                values.integer(Setting.PORT, 1, 65535),
                values.text(Setting.USER),
                raw.get(Setting.PASSWORD).text(),
                values.duration(Setting.CONNECT_TIMEOUT, Duration.ofSeconds(1), Duration.ofHours(1)),
                values.duration(Setting.STATEMENT_TIMEOUT, Duration.ofSeconds(1), Duration.ofMinutes(10)),
                values.text(Setting.SOCKET));
        UserFacts userFacts = new UserFacts(
                values.userText(Setting.USER_INFO, MAX_USER_TEXT_CHARS),
                values.userText(Setting.COMPANY, MAX_USER_TEXT_CHARS),
                values.userText(Setting.LOCATION, MAX_USER_TEXT_CHARS),
                values.userText(Setting.CONTRACT_ID, MAX_USER_TEXT_CHARS));
        HttpSettings http = new HttpSettings(
                values.duration(Setting.SEND_TIMEOUT, Duration.ofSeconds(1), Duration.ofHours(1)),
                values.proxy(Setting.HTTP_PROXY),
                values.readableFile(Setting.CA_FILE));
        Duration interval = values.duration(Setting.INTERVAL, Duration.ofMinutes(1), Duration.ofDays(365));

        return new AgentConfig(server, userFacts, stateDirectory(values), values.urls(Setting.URL), http,
                values.duration(Setting.SEND_RETRY_WAIT, Duration.ofSeconds(1), Duration.ofDays(1)),
                values.sendingModes(Setting.SENDING_MODE),
                interval,
                values.duration(Setting.SPREAD, Duration.ZERO, interval),
                values.duration(Setting.STARTUP_DELAY, Duration.ZERO, Duration.ofDays(1)),
                values.duration(Setting.SHUTDOWN_TIMEOUT, Duration.ofSeconds(1), Duration.ofMinutes(1)),
                values.integer(Setting.SPOOL_MAX_REPORTS, 1, 10_000),
                values.size(Setting.SPOOL_MAX_BYTES, 64L << 10, 1L << 30));
    }

    /** A setting's text and where it came from, for messages. */
    record Value(String text, String origin) {
    }

    private Map<Setting, Value> resolve(Map<Setting, List<String>> commandLine, List<OptionFile.Option> fileOptions)
            throws ConfigException {
        Map<Setting, Value> fromFiles = settingsFromFiles(fileOptions);
        Map<Setting, Value> resolved = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            List<String> given = commandLine.getOrDefault(setting, List.of());
            String fromEnvironment = environment.get(setting.environmentVariable());
            if (!given.isEmpty()) {
                String text = setting == Setting.URL ? String.join(" ", given) : given.get(given.size() - 1);
                resolved.put(setting, new Value(text, "the command line"));
            } else if (fromEnvironment != null) {
                resolved.put(setting, new Value(fromEnvironment, "environment variable " + setting.environmentVariable()));
            } else if (fromFiles.containsKey(setting)) {
                resolved.put(setting, fromFiles.get(setting));
            } else {
                resolved.put(setting, new Value(setting.defaultValue().orElse(""), "the default"));
            }
        }
        return resolved;
    }

    /** Applies the client groups first and the agent's group after them, so the agent's group wins. */
    private static Map<Setting, Value> settingsFromFiles(List<OptionFile.Option> options) throws ConfigException {
        Map<Setting, Value> settings = new EnumMap<>(Setting.class);
        for (OptionFile.Option option : options) {
            if (CLIENT_GROUPS.contains(option.group())) {
                Optional<Setting> setting = Setting.forKey(option.key()).filter(Setting::isClientOption);
                setting.ifPresent(s -> settings.put(s, fileValue(s, option)));
            }
        }
        for (OptionFile.Option option : options) {
            if (!option.group().equals(AGENT_GROUP)) {
                continue;
            }
            Optional<Setting> setting = Setting.forKey(option.key());
            if (setting.isPresent()) {
                settings.put(setting.get(), fileValue(setting.get(), option));
            } else if (!option.loose()) {
                throw new ConfigException(option.origin() + ": unknown option '" + option.key() + "' in group ["
                        + AGENT_GROUP + "]; check its spelling, or write loose-" + option.key()
                        + " to have it skipped; run 'feedback-agent run --help' for the options");
            }
        }
        return settings;
    }

    private static Value fileValue(Setting setting, OptionFile.Option option) {
        return new Value(option.value() == null ? "" : option.value(), option.origin());
    }

    private List<OptionFile.Option> readOptionFiles(OptionFiles files) throws ConfigException {
        if (files.noDefaults()) {
            return List.of();
        }
        if (files.defaultsFile().isPresent()) {
            return OptionFile.read(files.defaultsFile().get());
        }
        List<Path> paths = new ArrayList<>(systemFiles);
        paths.add(homeDirectory.resolve(".my.cnf"));
        List<OptionFile.Option> options = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                options.addAll(OptionFile.read(path));
            }
        }
        if (files.extraFile().isPresent()) {
            options.addAll(OptionFile.read(files.extraFile().get()));
        }
        return options;
    }

    private Path stateDirectory(Values values) throws ConfigException {
        String configured = values.text(Setting.STATE_DIR);
        if (!configured.isEmpty()) {
            return values.path(Setting.STATE_DIR);
        }
        String systemd = environment.get("STATE_DIRECTORY");
        if (systemd != null && !systemd.isBlank()) {
            // systemd sets a colon-separated list when the unit names several state directories.
            return Path.of(systemd.split(":")[0]);
        }
        return homeDirectory.resolve(".local/state/feedback-agent");
    }

    /** Returns {@code text}, or its first characters and "..." when it is too long to repeat in a message. */
    private static String shorten(String text) {
        return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, QUOTED_PREFIX_CHARS) + "...";
    }

    /** Parses and checks one setting at a time, so each error names the setting it is about. */
    private static final class Values {
        private final Map<Setting, Value> raw;

        Values(Map<Setting, Value> raw) {
            this.raw = raw;
        }

        String text(Setting setting) {
            return raw.get(setting).text().strip();
        }

        String userText(Setting setting, int maxChars) throws ConfigException {
            String text = text(setting);
            if (text.length() > maxChars) {
                throw invalid(setting, "must be at most " + maxChars + " characters long, but has " + text.length());
            }
            if (text.chars().anyMatch(Character::isISOControl)) {
                throw invalid(setting, "must be one line of text without tabs or control characters");
            }
            return text;
        }

        int integer(Setting setting, int min, int max) throws ConfigException {
            long value = parseLong(setting, text(setting));
            if (value < min || value > max) {
                throw invalid(setting, "must be between " + min + " and " + max);
            }
            return (int) value;
        }

        Duration duration(Setting setting, Duration min, Duration max) throws ConfigException {
            Duration value = parseDuration(setting, text(setting));
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw invalid(setting, "must be between " + DurationText.format(min) + " and " + DurationText.format(max));
            }
            return value;
        }

        long size(Setting setting, long minBytes, long maxBytes) throws ConfigException {
            String text = text(setting);
            long multiplier = 1;
            char unit = text.isEmpty() ? ' ' : Character.toUpperCase(text.charAt(text.length() - 1));
            switch (unit) {
                case 'K' -> multiplier = 1L << 10;
                case 'M' -> multiplier = 1L << 20;
                case 'G' -> multiplier = 1L << 30;
                default -> multiplier = 1;
            }
            String number = multiplier == 1 ? text : text.substring(0, text.length() - 1);
            long bytes = parseLong(setting, number) * multiplier;
            if (bytes < minBytes || bytes > maxBytes) {
                throw invalid(setting, "must be between " + minBytes + " and " + maxBytes + " bytes");
            }
            return bytes;
        }

        Path path(Setting setting) throws ConfigException {
            try {
                return Path.of(text(setting));
            } catch (RuntimeException e) {
                throw invalid(setting, "is not a valid path: " + e.getMessage());
            }
        }

        Optional<Path> readableFile(Setting setting) throws ConfigException {
            if (text(setting).isEmpty()) {
                return Optional.empty();
            }
            Path path = path(setting);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw invalid(setting, "must name a readable file");
            }
            return Optional.of(path);
        }

        Optional<HttpSettings.ProxyAddress> proxy(Setting setting) throws ConfigException {
            String text = text(setting);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.contains("/")) {
                throw invalid(setting, "must be host:port, for example proxy.example.com:3128");
            }
            long port = parseLong(setting, text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw invalid(setting, "must have a port between 1 and 65535");
            }
            String host = text.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return Optional.of(new HttpSettings.ProxyAddress(host, (int) port));
        }

        List<URI> urls(Setting setting) throws ConfigException {
            List<URI> urls = new ArrayList<>();
            for (String url : text(setting).split("\\s+")) {
                if (!url.isEmpty()) {
                    urls.add(parseUrl(setting, url));
                }
            }
            return urls;
        }

        private URI parseUrl(Setting setting, String url) throws ConfigException {
            URI uri;
            try {
                uri = new URI(url);
            } catch (java.net.URISyntaxException e) {
                throw invalid(setting, "'" + url + "' is not a valid URL (" + e.getMessage()
                        + "); give an http:// or https:// URL with a host, for example http://127.0.0.1:8080/post");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid(setting, "'" + url + "' must be an http:// or https:// URL with a host, "
                        + "for example http://127.0.0.1:8080/post");
            }
            return uri;
        }

        Set<SendingMode> sendingModes(Setting setting) throws ConfigException {
            Set<SendingMode> modes = EnumSet.noneOf(SendingMode.class);
            for (String word : text(setting).split("[\\s,]+")) {
                if (word.isEmpty() || word.equalsIgnoreCase("NONE")) {
                    continue;
                }
                try {
                    modes.add(SendingMode.valueOf(word.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw invalid(setting, "has '" + word + "', which is not one of STARTUP, PERIODIC, SHUTDOWN, NONE");
                }
            }
            return modes;
        }

        private long parseLong(Setting setting, String text) throws ConfigException {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw invalid(setting, "it is not a whole number");
            }
        }

        private Duration parseDuration(Setting setting, String text) throws ConfigException {
            try {
                return DurationText.parse(text);
            } catch (IllegalArgumentException e) {
                throw invalid(setting, "it is not a duration; write seconds, or a number with s, m, h or d, such as 90, 15m or 7d");
            }
        }

        private ConfigException invalid(Setting setting, String rule) {
            Value value = raw.get(setting);
            String quoted = setting == Setting.PASSWORD ? "(hidden)" : "'" + shorten(value.text()) + "'";
            return new ConfigException("invalid " + setting.longOption() + " " + quoted + " from " + value.origin() + ": " + rule);
        }
    }
}
