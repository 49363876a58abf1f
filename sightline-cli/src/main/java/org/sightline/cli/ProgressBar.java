package org.sightline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.sightline.ingest.bundle.ImportProgress;

/** A one-line progress bar on stderr, drawn only when attached to a terminal. */
public final class ProgressBar implements ImportProgress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private long lastDraw;
    private boolean drawn;

    private ProgressBar(PrintStream err) {
        this.err = err;
    }

    /** A bar on a terminal; nothing when output is redirected or JSON is asked for. */
    public static ImportProgress forTerminal(PrintStream err, boolean json) {
        return System.console() != null && !json ? new ProgressBar(err) : ImportProgress.NONE;
    }

    @Override
    public void update(Path file, long bytesRead, long totalBytes, long objects) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double fraction = totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        err.printf("\r[%s%s] %3d%%  %,d objects  %s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                Math.round(fraction * 100), objects, file.getFileName());
        err.flush();
        drawn = true;
    }

    /** Clears the line so the summary prints cleanly. */
    public static void finish(ImportProgress progress) {
        if (progress instanceof ProgressBar bar && bar.drawn) {
            bar.err.print("\r" + " ".repeat(100) + "\r");
            bar.err.flush();
        }
    }
}
