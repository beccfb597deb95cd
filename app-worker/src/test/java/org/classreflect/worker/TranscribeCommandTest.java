package org.classreflect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The transcribe command end to end in this JVM, with the fake engine standing in for Whisper. */
class TranscribeCommandTest {

    @TempDir
    Path dir;

    private final FakeTranscriber engine = new FakeTranscriber();
    private final List<Settings> settingsSeen = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path jfk;

    @BeforeEach
    void copyAudio() throws Exception {
        jfk = Files.copy(Path.of(System.getProperty("classreflect.shared", "../../shared"), "audio", "jfk.wav"),
                dir.resolve("jfk.wav"));
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new TranscribeCommand(settings -> {
            settingsSeen.add(settings);
            return (Transcriber) engine;
        }));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesTheTranscriptBesideTheFileAndReportsTheRealTimeFactor() throws Exception {
        int exit = run(jfk.toString());

        assertThat(exit).as(err.toString()).isZero();
        long bytes = Files.size(jfk);
        assertThat(dir.resolve("jfk.srt")).hasContent(
                "1\n00:00:00,000 --> 00:00:02,500\nlesson audio of " + bytes + " bytes");
        assertThat(out.toString()).containsPattern("jfk\\.wav: 2\\.5 s of audio in \\d+\\.\\d s, "
                + "real-time factor \\d+\\.\\d{3}");
        assertThat(out.toString()).contains("-> " + dir.resolve("jfk.srt")).contains("1 of 1 file(s) transcribed");
    }

    @Test
    void transcribesSeveralFilesIntoTheOutputDirectoryInTheChosenFormatAndEngine() throws Exception {
        Path second = Files.copy(jfk, dir.resolve("second.wav"));
        Path out = dir.resolve("transcripts");
        Path model = dir.resolve("my-model.bin");

        int exit = run("--format", "csv", "--out", out.toString(), "--engine", "whisper", "--model",
                model.toString(), "--language", "EN", jfk.toString(), second.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(out.resolve("jfk.csv"))).startsWith("start,end,word,confidence\r\n"
                + "0.000,0.400,lesson,0.9\r\n");
        assertThat(out.resolve("second.csv")).exists();
        assertThat(dir.resolve("jfk.csv")).doesNotExist();
        assertThat(engine.calls()).isEqualTo(2);
        assertThat(settingsSeen).singleElement().satisfies(s -> {
            assertThat(s.text(Setting.ENGINE)).isEqualTo("whisper");
            assertThat(s.whisperModel()).isEqualTo(model);
        });
    }

    @Test
    void aMissingOrFailingFileIsReportedAndTheOthersAreStillWritten() {
        engine.failNextCalls(1);

        int exit = run("--format", "txt", dir.resolve("missing.wav").toString(), jfk.toString(), jfk.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("missing.wav: no such file").contains("fake engine failure");
        assertThat(dir.resolve("jfk.txt")).exists();
        assertThat(out.toString()).contains("1 of 3 file(s) transcribed");
    }

    @Test
    void refusesAnUnknownFormatAndStopsWhenTheEngineIsNotReady() {
        assertThat(run("--format", "docx", jfk.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--format must be txt, json, srt, vtt or csv");

        engine.ready(false);
        assertThat(run(jfk.toString())).isEqualTo(TranscribeCommand.ENGINE_NOT_READY);
        assertThat(err.toString()).contains("not ready: switched off by the test");
        assertThat(engine.calls()).isZero();
    }

    @Test
    void theWorkerCommandLineOffersIt() {
        assertThat(new CommandLine(new WorkerMain()).getSubcommands()).containsKey("transcribe");
    }
}
