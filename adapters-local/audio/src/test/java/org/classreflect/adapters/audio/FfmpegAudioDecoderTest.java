package org.classreflect.adapters.audio;

import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.testfixtures.contracts.AudioDecoderContract;

class FfmpegAudioDecoderTest extends AudioDecoderContract {

    @Override
    protected AudioDecoder newDecoder() {
        return new FfmpegAudioDecoder();
    }
}
