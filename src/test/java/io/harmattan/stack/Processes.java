package io.harmattan.stack;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a child process and everything it started, so nothing is left listening. */
public final class Processes {

    private Processes() {
    }

    public static void stop(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Closes what was started, last first, reporting (not throwing) what fails to close; empties the list. */
    public static void closeInReverse(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Stopping failed: " + e.getMessage());
            }
        }
        started.clear();
    }

    /** Sleeps, keeping the interrupt for the caller to see. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
