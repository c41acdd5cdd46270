package org.feedback.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.feedback.agent.config.AgentConfig;
import org.feedback.agent.config.ConfigException;
import org.feedback.agent.config.ConfigLoader;
import org.feedback.agent.config.OptionFiles;
import org.feedback.agent.config.Setting;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Declares the {@link Setting}s as picocli options of a command, and turns what was given on the command
 * line into an {@link AgentConfig}. The setting table is the one source of names, defaults and help texts.
 */
final class CommandSettings {

    static final String NO_DEFAULTS = "--no-defaults";
    static final String DEFAULTS_FILE = "--defaults-file";
    static final String DEFAULTS_EXTRA_FILE = "--defaults-extra-file";

    /** Loader used by every command; tests replace it to keep the host's option files out. */
    static ConfigLoader loader = ConfigLoader.fromSystem();

    private CommandSettings() {
    }

    /** Adds the options of the settings in {@code scopes}, and the option file options, to {@code command}. */
    static void addTo(CommandSpec command, Set<Setting.Scope> scopes) {
        for (Setting setting : Setting.values()) {
            if (scopes.contains(setting.scope())) {
                command.addOption(option(setting));
            }
        }
        command.addOption(OptionSpec.builder(NO_DEFAULTS).arity("0")
                .description("Read no option file.").build());
        command.addOption(OptionSpec.builder(DEFAULTS_FILE).paramLabel("FILE").type(String.class)
                .description("Read only this option file: [client] for the login, [feedback-agent] for the agent.").build());
        command.addOption(OptionSpec.builder(DEFAULTS_EXTRA_FILE).paramLabel("FILE").type(String.class)
                .description("Read this option file after /etc/my.cnf, /etc/mysql/my.cnf and ~/.my.cnf.").build());
    }

    static Set<Setting.Scope> scopes(Setting.Scope... scopes) {
        Set<Setting.Scope> set = EnumSet.noneOf(Setting.Scope.class);
        set.addAll(List.of(scopes));
        return set;
    }

    private static OptionSpec option(Setting setting) {
        List<String> names = new ArrayList<>();
        setting.shortOption().ifPresent(names::add);
        names.add(setting.longOption());
        String description = setting.description() + setting.defaultValue().filter(d -> !d.isEmpty())
                .map(d -> " Default: " + d + ".").orElse("") + " Environment: " + setting.environmentVariable() + ".";
        OptionSpec.Builder builder = OptionSpec.builder(names.toArray(String[]::new))
                .description(description)
                .paramLabel(setting.optionName().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        if (setting == Setting.PASSWORD) {
            return builder.type(String.class).arity("0..1").interactive(true).build();
        }
        if (setting == Setting.URL) {
            // The only repeatable option, so the only one that help marks with "...".
            return builder.type(List.class).auxiliaryTypes(String.class).arity("1").build();
        }
        return builder.type(String.class).arity("1").build();
    }

    /** Builds the configuration from the parsed command line, the environment and the option files. */
    static AgentConfig load(CommandSpec command) throws ConfigException {
        ParseResult parsed = command.commandLine().getParseResult();
        Map<Setting, List<String>> given = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            OptionSpec option = command.findOption(setting.longOption());
            if (option != null && parsed.hasMatchedOption(option)) {
                given.put(setting, values(setting, option));
            }
        }
        return loader.load(given, optionFiles(parsed));
    }

    private static List<String> values(Setting setting, OptionSpec option) {
        if (setting == Setting.URL) {
            List<String> values = option.getValue();
            return values == null ? List.of() : List.copyOf(values);
        }
        Object value = option.getValue();
        return List.of(value == null ? "" : value.toString());
    }

    private static OptionFiles optionFiles(ParseResult parsed) {
        boolean noDefaults = parsed.hasMatchedOption(NO_DEFAULTS);
        Optional<Path> defaultsFile = Optional.ofNullable(parsed.<String>matchedOptionValue(DEFAULTS_FILE, null)).map(Path::of);
        Optional<Path> extraFile = Optional.ofNullable(parsed.<String>matchedOptionValue(DEFAULTS_EXTRA_FILE, null)).map(Path::of);
        return new OptionFiles(noDefaults, defaultsFile, extraFile);
    }
}
