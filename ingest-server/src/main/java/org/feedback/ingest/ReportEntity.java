package org.feedback.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One accepted report, scrubbed and kept whole as compressed text. */
@Entity
@Table(name = "reports")
public class ReportEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "server_uid")
    public String serverUid;

    /** Seconds since the Unix epoch when the report arrived. */
    @Column(name = "received_at")
    public long receivedAt;

    /** The sender's {@code Now} entry in seconds since the Unix epoch, or {@link #receivedAt} without one. */
    @Column(name = "report_time")
    public long reportTime;

    /** {@code full}, {@code startup}, {@code shutdown} or {@code other_notice}. */
    public String kind;

    @Column(name = "format_version")
    public String formatVersion;

    /** SHA-256 of the stored (scrubbed) report text, in lower-case hex. */
    @Column(name = "content_sha256")
    public String contentSha256;

    @Column(name = "entry_count")
    public int entryCount;

    /** Number of entries the scrubber dropped, masked or redacted. */
    @Column(name = "scrubbed_count")
    public int scrubbedCount;

    /** Size of the uncompressed report text in bytes. */
    @Column(name = "body_bytes")
    public int bodyBytes;

    /** How {@link #body} is compressed: {@code gzip}, or a preset-dictionary encoding of the server. */
    @Column(name = "body_encoding")
    public String bodyEncoding;

    /** The compressed report text. */
    public byte[] body;
}
