package org.feedback.agent.collect;

/**
 * Decodes the file-name encoding MySQL and MariaDB use for database and table names on disk, as the
 * InnoDB views show them: {@code @} followed by four hexadecimal digits stands for that UTF-16 code unit,
 * so {@code my@002ddb} is {@code my-db}.
 *
 * <p>NOTE: the servers write some letters outside ASCII in a shorter two-character form (such as
 * {@code @0G}); those are left as they are, so a database with such a name gets an unknown size.
 */
final class FileNames {

    private FileNames() {
    }

    static String decode(String encoded) {
        if (encoded.indexOf('@') < 0) {
            return encoded;
        }
        StringBuilder out = new StringBuilder(encoded.length());
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c == '@' && i + 5 <= encoded.length() && isHex(encoded, i + 1, i + 5)) {
                out.append((char) Integer.parseInt(encoded.substring(i + 1, i + 5), 16));
                i += 5;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
