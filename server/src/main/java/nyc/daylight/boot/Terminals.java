package nyc.daylight.boot;

import java.io.Console;

/** Whether a person is watching: the choice between readable output and output for machines. */
public final class Terminals {
    private Terminals() {}

    /**
     * True when standard input and output are a terminal. On Java 21 {@link System#console()} is
     * null otherwise; from Java 22 it always exists, and {@code Console.isTerminal()} (looked up
     * by name: the code is compiled for 21) says whether it is one.
     */
    public static boolean interactive() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
