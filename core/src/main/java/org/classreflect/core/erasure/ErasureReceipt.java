package org.classreflect.core.erasure;

/**
 * What an erasure removed, counted before the first thing was removed (so a resumed erasure reports the same): user
 * accounts, recordings, audio files still kept, transcripts, analyses, API tokens and the school's own templates.
 */
public record ErasureReceipt(int users, int recordings, int audioFiles, int transcripts, int analyses, int apiTokens,
                             int templates) {

    public String summary() {
        return users + " account(s), " + recordings + " recording(s), " + audioFiles + " audio file(s), "
                + transcripts + " transcript(s), " + analyses + " analysis(es), " + apiTokens + " API token(s), "
                + templates + " template(s)";
    }
}
