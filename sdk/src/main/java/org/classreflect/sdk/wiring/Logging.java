package org.classreflect.sdk.wiring;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** The core logs through java.util.logging (it may use nothing else); the apps send that into SLF4J and Logback. */
public final class Logging {

    private Logging() {
    }

    public static void routeJavaUtilLoggingToSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
