package org.classreflect.sdk.wiring;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * The speech engine as the process was given it. Everything else injects the plain {@code Transcriber}: the engine
 * with the super admin's model choice applied ({@link ChosenModelTranscriber}).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface SpeechEngine {
}
