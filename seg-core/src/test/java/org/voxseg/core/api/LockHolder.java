package org.voxseg.core.api;

import java.nio.file.Path;

/** A second process for {@code RunFolderSafetyTest}: holds a run folder's lock until its standard input closes. */
public final class LockHolder {

    private LockHolder() {
    }

    /** Locks the folder {@code args[0]}, says "locked" and waits for its standard input to close. */
    @SuppressWarnings("try") // the lock is held while the body waits and never referenced in it
    public static void main(String[] args) throws Exception {
        try (RunFolderLock lock = RunFolderLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                continue;
            }
        }
    }
}
