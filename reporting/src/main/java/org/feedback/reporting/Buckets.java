package org.feedback.reporting;

import java.util.Locale;

/** Turns numbers from reports into the group labels that the dashboards count. */
final class Buckets {

    private static final String[] SIZE_UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Buckets() {
    }

    /**
     * Returns the range between two powers of two that contains {@code bytes}, upper bound included:
     * {@code 8-16 GiB} for 15.6 GiB (what a 16 GiB machine reports) and for exactly 16 GiB,
     * {@code 16-32 GiB} for 24 GiB, {@code 512 MiB-1 GiB} across units.
     */
    static String sizeLabel(long bytes) {
        if (bytes <= 1) {
            return "0-1 bytes";
        }
        long upper = Long.highestOneBit(bytes - 1) << 1;
        String lower = size(upper / 2);
        String upperText = size(upper);
        String lowerUnit = lower.substring(lower.indexOf(' '));
        return lowerUnit.equals(upperText.substring(upperText.indexOf(' ')))
                ? lower.substring(0, lower.indexOf(' ')) + "-" + upperText
                : lower + "-" + upperText;
    }

    /** Returns a power of two in its largest whole unit, {@code 512 MiB}. */
    private static String size(long powerOfTwo) {
        int exponent = Long.numberOfTrailingZeros(powerOfTwo);
        int unit = Math.min(exponent / 10, SIZE_UNITS.length - 1);
        return (powerOfTwo >> (unit * 10)) + " " + SIZE_UNITS[unit];
    }

    /** Returns the upper bound in bytes of a {@link #sizeLabel}, or -1 when the text is not one. */
    static long sizeOf(String label) {
        String upper = label.substring(label.lastIndexOf('-') + 1);
        int space = upper.indexOf(' ');
        if (space <= 0 || label.indexOf('-') <= 0) {
            return -1;
        }
        for (int unit = 0; unit < SIZE_UNITS.length; unit++) {
            if (upper.substring(space + 1).equals(SIZE_UNITS[unit])) {
                try {
                    return Long.parseLong(upper.substring(0, space)) << (unit * 10);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * Returns a label for a count of CPUs or cores: exact up to 4, then ranges that double
     * ({@code 5-8}, {@code 9-16}, ...), so that a chart has few bars whatever the machine size.
     */
    static String countLabel(long count) {
        if (count <= 4) {
            return Long.toString(count);
        }
        long upper = Long.highestOneBit(count - 1) << 1;
        return (upper / 2 + 1) + "-" + upper;
    }

    /** Returns the first two numbers of a kernel release, {@code 6.1} for {@code 6.1.0-18-amd64}. */
    static String kernelFamily(String release) {
        int end = 0;
        int dots = 0;
        while (end < release.length()) {
            char c = release.charAt(end);
            if (c == '.' && ++dots == 2 || c != '.' && !Character.isDigit(c)) {
                break;
            }
            end++;
        }
        String family = release.substring(0, end);
        return family.isEmpty() || family.endsWith(".") ? release : family;
    }

    /**
     * Returns the vendor and product line of a CPU model name, without trademarks, model numbers and clock
     * speed: {@code Intel Xeon Gold} for {@code Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz}.
     */
    static String cpuModelFamily(String model) {
        String cleaned = model.replaceAll("(?i)\\((r|tm|c)\\)", " ").replaceAll("@.*$", " ");
        StringBuilder family = new StringBuilder();
        int words = 0;
        for (String word : cleaned.trim().split("\\s+")) {
            if (word.chars().anyMatch(Character::isDigit) || isFiller(word) || words == 3) {
                break;
            }
            if (!family.isEmpty()) {
                family.append(' ');
            }
            family.append(word);
            words++;
        }
        return family.isEmpty() ? model.strip() : family.toString();
    }

    private static boolean isFiller(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals("cpu") || lower.equals("processor") || lower.equals("with");
    }
}
