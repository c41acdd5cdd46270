package org.feedback.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises the names senders use for architectures, operating systems and distributions. */
final class Platforms {

    /** A source prefix of {@code Uname_distribution}, such as {@code os-release} or {@code redhat-release}. */
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    /** The key of a {@code KEY="text"} line, as in {@code /etc/os-release}. */
    private static final Pattern RELEASE_KEY = Pattern.compile("[A-Z_]+");
    /** A bare version such as {@code 12.5}, the whole of {@code /etc/debian_version}. */
    private static final Pattern BARE_VERSION = Pattern.compile("\\d[\\w.]*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Platforms() {
    }

    /**
     * Returns the architecture in the form Linux's {@code uname -m} prints it: {@code amd64} and {@code x64}
     * (the JVM's and Windows' names) become {@code x86_64}, every 32-bit x86 becomes {@code i686},
     * {@code arm64} becomes {@code aarch64}, {@code ppc64el} becomes {@code ppc64le}. Names it does not know
     * are returned lower-cased.
     */
    static String architecture(String raw) {
        String name = raw.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "x86_64", "amd64", "x64", "em64t", "x86-64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686", "i86pc", "x86_32" -> "i686";
            case "aarch64", "arm64", "armv8", "aarch64_be" -> "aarch64";
            case "arm", "armv7", "armv7l", "armhf", "armv7hl" -> "armv7l";
            case "ppc64le", "ppc64el", "powerpc64le" -> "ppc64le";
            case "ppc64", "powerpc64" -> "ppc64";
            case "ppc", "powerpc" -> "ppc";
            case "sparcv9", "sparc64", "sun4u", "sun4v" -> "sparc64";
            case "loong64", "loongarch64" -> "loongarch64";
            default -> name;
        };
    }

    /** Returns 64 or 32 for a normalised architecture, or null when the name does not tell. */
    static Integer bitsOf(String architecture) {
        return switch (architecture) {
            case "x86_64", "aarch64", "ppc64le", "ppc64", "s390x", "sparc64", "riscv64", "mips64", "mips64el",
                 "loongarch64", "ia64", "alpha" -> 64;
            case "i686", "armv7l", "armv6l", "armv5tel", "ppc", "s390", "mips", "mipsel", "riscv32", "sparc" -> 32;
            default -> null;
        };
    }

    /**
     * Returns the operating system family: {@code Linux}, {@code Windows}, {@code macOS}, {@code FreeBSD},
     * {@code OpenBSD}, {@code NetBSD}, {@code Solaris} or {@code AIX} when {@code raw} names one of them
     * (as {@code uname -s}, Java's {@code os.name} or OSHI's family print it), otherwise {@code raw} itself.
     */
    static String osFamily(String raw) {
        String name = raw.strip().toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "Linux";
        }
        if (name.startsWith("windows") || name.startsWith("win32") || name.startsWith("win64")) {
            return "Windows";
        }
        if (name.startsWith("mac") || name.equals("darwin") || name.equals("os x")) {
            return "macOS";
        }
        if (name.equals("freebsd")) {
            return "FreeBSD";
        }
        if (name.equals("openbsd")) {
            return "OpenBSD";
        }
        if (name.equals("netbsd")) {
            return "NetBSD";
        }
        if (name.equals("sunos") || name.equals("solaris")) {
            return "Solaris";
        }
        if (name.equals("aix")) {
            return "AIX";
        }
        return raw.strip();
    }

    /**
     * Removes the source prefix of the plugin's {@code Uname_distribution}: {@code lsb: }, {@code os-release: }
     * or the name of the {@code /etc} file it read, such as {@code redhat-release: }. A {@code KEY="text"}
     * form, as in the first line of {@code /etc/os-release}, gives {@code text}.
     */
    static String distributionDescription(String raw) {
        String text = raw.strip();
        int colon = text.indexOf(": ");
        if (colon > 0 && SOURCE_NAME.matcher(text.substring(0, colon)).matches()) {
            text = text.substring(colon + 2).strip();
        }
        int equals = text.indexOf('=');
        if (equals > 0 && RELEASE_KEY.matcher(text.substring(0, equals)).matches()) {
            text = text.substring(equals + 1).strip();
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1).strip();
            }
        }
        return text;
    }

    /** Returns the source prefix of {@code Uname_distribution}, such as {@code debian_version}, or "". */
    private static String distributionSource(String raw) {
        String text = raw.strip();
        int colon = text.indexOf(": ");
        return colon > 0 ? text.substring(0, colon) : "";
    }

    /**
     * Splits a distribution description into name and version: the version is the first word that starts
     * with a digit (or {@code v} and a digit, as Alpine writes it), the name is the words before it without
     * a trailing {@code release}. {@code CentOS Linux release 7.9.2009 (Core)} gives {@code CentOS Linux}
     * and {@code 7.9.2009}; {@code Arch Linux} gives no version. Returns {name, version}, either null.
     */
    static String[] distributionNameAndVersion(String raw) {
        String description = distributionDescription(raw);
        if (description.isEmpty()) {
            return new String[] {null, null};
        }
        if (BARE_VERSION.matcher(description).matches() && distributionSource(raw).toLowerCase(Locale.ROOT).startsWith("debian")) {
            return new String[] {"Debian", description};
        }
        String[] words = WHITE_SPACE.split(description);
        int versionIndex = -1;
        for (int i = 0; i < words.length; i++) {
            if (startsVersion(words[i])) {
                versionIndex = i;
                break;
            }
        }
        if (versionIndex < 0) {
            return new String[] {stripParenthesised(description), null};
        }
        int nameEnd = versionIndex;
        if (nameEnd > 0 && words[nameEnd - 1].equalsIgnoreCase("release")) {
            nameEnd--;
        }
        String name = nameEnd == 0 ? null : String.join(" ", Arrays.copyOfRange(words, 0, nameEnd));
        String version = words[versionIndex];
        if (version.startsWith("v") || version.startsWith("V")) {
            version = version.substring(1);
        }
        return new String[] {name, version};
    }

    private static boolean startsVersion(String word) {
        if (word.isEmpty()) {
            return false;
        }
        if (Character.isDigit(word.charAt(0))) {
            return true;
        }
        return (word.charAt(0) == 'v' || word.charAt(0) == 'V') && word.length() > 1 && Character.isDigit(word.charAt(1));
    }

    private static String stripParenthesised(String text) {
        int open = text.indexOf(" (");
        return open > 0 ? text.substring(0, open) : text;
    }
}
