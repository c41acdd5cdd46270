package org.feedback.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** Rows streamed into one table with PostgreSQL's {@code COPY ... FROM STDIN} in text format. */
final class CopyStream implements AutoCloseable {

    private final OutputStream out;
    private final StringBuilder row = new StringBuilder(256);
    private long rows;

    CopyStream(Connection connection, String table, String columns) throws SQLException {
        this.out = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "COPY " + table + " (" + columns + ") FROM STDIN", 1 << 20);
    }

    /** Writes one row; {@code null} cells become SQL NULL. */
    void write(Object... cells) {
        row.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row.append('\t');
            }
            appendCell(cells[i]);
        }
        row.append('\n');
        try {
            out.write(row.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    private void appendCell(Object cell) {
        if (cell == null) {
            row.append("\\N");
            return;
        }
        String text = cell.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
