package org.classreflect.sdk.wiring;

import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The core logs through java.util.logging (it may use nothing else); the apps send that into SLF4J and Logback. */
public final class Logging {

    private Logging() {
    }

    /** The apps' logback.xml picks its appender by this name; any other value would leave the process silent. */
    public static void checkFormat(Settings settings) {
        String format = settings.text(Setting.LOG_FORMAT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException(Setting.LOG_FORMAT.environmentName() + " must be text or json, not '"
                    + format + "'");
        }
    }

    public static void routeJavaUtilLoggingToSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
