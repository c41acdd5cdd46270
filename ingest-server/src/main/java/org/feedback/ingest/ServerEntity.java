package org.feedback.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row per server: when it was first and last seen, and the facts of its latest full report. */
@Entity
@Table(name = "servers")
public class ServerEntity extends PanacheEntityBase {

    @Id
    @Column(name = "server_uid")
    public String serverUid;

    /** Seconds since the Unix epoch when the first report arrived. */
    @Column(name = "first_seen")
    public long firstSeen;

    /** Seconds since the Unix epoch when the latest report or notice arrived. */
    @Column(name = "last_seen")
    public long lastSeen;

    @Column(name = "report_count")
    public long reportCount;

    public String version;
    public String flavor;

    @Column(name = "major_minor")
    public String majorMinor;

    @Column(name = "os_name")
    public String osName;

    public String distribution;
    public String architecture;

    @Column(name = "cpu_count")
    public Integer cpuCount;

    @Column(name = "memory_bytes")
    public Long memoryBytes;
}
