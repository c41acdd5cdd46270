package org.feedback.agent.schedule;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the state directory, held by a running daemon through {@code agent.lock}, so two
 * agents pointed at one directory cannot corrupt its spool. The second agent does not wait: it fails at
 * start, naming the lock file and the process id written in it. The operating system releases the lock
 * when the process dies, so a killed agent leaves no stale lock behind.
 */
public final class StateDirectoryLock implements AutoCloseable {

    /** Name of the lock file inside the state directory. */
    public static final String FILE_NAME = "agent.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, creating the directory if needed; raises {@link LockedException} when another process holds it. */
    public static StateDirectoryLock acquire(Path stateDir) throws IOException, LockedException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
            channel.close();
            throw new LockedException("state directory " + stateDir + " is in use by another agent (process "
                    + (holder.isEmpty() ? "unknown" : holder) + ", lock file " + file
                    + "); stop that agent or give this one its own --state-dir");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new StateDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Raised when another process holds the lock. */
    public static final class LockedException extends Exception {
        private static final long serialVersionUID = 1L;

        LockedException(String message) {
            super(message);
        }
    }
}
