package org.classreflect.core.erasure;

import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Finishes every erasure a crash (or a failure) left unfinished; each on its own, so one that fails keeps no other. */
public final class ResumeErasures {

    private static final Logger LOG = Logger.getLogger(ResumeErasures.class.getName());

    private final ErasureRequests requests;
    private final CarryOutErasure carryOut;

    @Inject
    public ResumeErasures(ErasureRequests requests, CarryOutErasure carryOut) {
        this.requests = requests;
        this.carryOut = carryOut;
    }

    /** Returns how many were finished. */
    public int execute() {
        int finished = 0;
        for (ErasureRequest request : requests.listUnfinished()) {
            try {
                if (carryOut.execute(request.id()).filter(ErasureRequest::completed).isPresent()) {
                    finished++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not finish erasure " + request.id() + "; trying again later", e);
            }
        }
        return finished;
    }
}
