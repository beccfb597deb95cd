package org.classreflect.sdk.config;

/** Which adapters serve the ports. */
public enum Mode {
    /** Everything on this host: embedded or given SQL database, audio files, in-memory queue. */
    LOCAL,
    /** S3 for audio, SQS for jobs, Secrets Manager for credentials, Aurora MySQL for the data. */
    AWS
}
