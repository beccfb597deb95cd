package org.classreflect.core.system;

import java.util.List;

/** Port: the speech engine the deployment runs and the models it can be given. */
public interface SpeechModels {

    /** The engine's name, e.g. {@code whisper}. */
    String engine();

    /** The models a job may name; empty when the engine takes no model. */
    List<SpeechModel> catalogue();
}
