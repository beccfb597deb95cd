// The audio player tied to the transcript: while the lesson plays the word being said is highlighted (and its
// segment); a segment is a button that plays the lesson from its start, so the keyboard works too. Each segment can
// carry who spoke it and whether it asks a question (annotate), and listeners hear the playing time (onTime).
import { h } from '../ui.js';
import { clock } from './live.js';

/** Words whose start falls in [segment start, next segment start) belong to that segment. */
function wordsBySegment(segments, words) {
  const groups = segments.map(() => []);
  let s = 0;
  for (const word of words) {
    while (s + 1 < segments.length && word.start >= segments[s + 1].start) s++;
    if (segments.length) groups[s].push(word);
  }
  return groups;
}

export class TranscriptPlayer {
  /** @param annotate segment => { speaker: 'teacher'|'student'|null, question: 'open'|'closed'|null } */
  constructor(transcript, audioUrl, annotate = () => ({})) {
    this.listeners = [];
    this.words = [];
    this.segments = [];
    this.current = { word: null, segment: null };
    this.frame = null;
    const groups = wordsBySegment(transcript.segments, transcript.words || []);
    const items = transcript.segments.map((segment, i) => {
      const wordEls = groups[i].map(w => {
        const el = h('span', { class: 'word', dataset: { start: w.start, end: w.end } }, w.text);
        this.words.push({ start: w.start, end: w.end, el });
        return el;
      });
      const text = wordEls.length ? wordEls.flatMap((el, j) => (j ? [' ', el] : [el])) : segment.text;
      const { speaker, question } = annotate(segment);
      const who = speaker ? `${speaker === 'teacher' ? 'Teacher' : 'Student'}` : null;
      const content = [audioUrl ? h('span', { class: 'visually-hidden' }, 'Play from ') : null,
        h('span', { class: 'segment-time' }, clock(segment.start),
        who ? h('span', { class: `speaker speaker-${speaker}` }, who) : null),
      h('span', { class: 'segment-text' }, question ? h('span', { class: `question-tag question-${question}` },
        `${question} question`) : null, text)];
      const cls = `segment${question ? ' is-question' : ''}`;
      const el = audioUrl
        ? h('button', { type: 'button', class: cls, dataset: { start: segment.start, end: segment.end, speaker },
          onclick: () => this.playFrom(segment.start) }, content)
        : h('div', { class: cls, dataset: { start: segment.start, speaker } }, content);
      this.segments.push({ start: segment.start, end: segment.end, el });
      return h('li', {}, el);
    });
    this.audio = audioUrl ? h('audio', { controls: true, preload: 'metadata', src: audioUrl,
      'aria-label': 'Lesson audio' }) : null;
    if (this.audio) {
      const tick = () => {
        this.moved(this.audio.currentTime);
        this.frame = this.audio.paused ? null : requestAnimationFrame(tick);
      };
      this.audio.addEventListener('play', () => { if (!this.frame) this.frame = requestAnimationFrame(tick); });
      this.audio.addEventListener('seeked', () => this.moved(this.audio.currentTime));
      this.audio.addEventListener('timeupdate', () => this.moved(this.audio.currentTime));
      this.audio.addEventListener('error', () => {
        if (this.audio.getAttribute('src') && this.audio.error && this.audio.error.code !== MediaError.MEDIA_ERR_ABORTED) {
          this.audioProblem.hidden = false;
        }
      });
    }
    this.audioProblem = h('p', { class: 'error', role: 'alert', hidden: true },
      'The audio could not be played. It may have been removed, or your browser cannot play this format.');
    this.bar = h('div', { class: 'player-bar' }, this.audio, this.audioProblem);
    this.list = transcript.segments.length
      ? h('ol', { class: 'transcript', 'aria-label': 'Transcript' }, items)
      : h('p', { class: 'muted' }, 'The transcript is empty: no speech was recognised.');
  }

  /** Calls listener(seconds) as the lesson plays. */
  onTime(listener) {
    this.listeners.push(listener);
  }

  playFrom(seconds) {
    if (!this.audio || seconds === undefined || seconds === null) return;
    this.audio.currentTime = seconds;
    this.moved(seconds);
    // a play() cut short by pause() or a new seek rejects with AbortError: not a problem to report
    this.audio.play().catch(e => { if (e.name !== 'AbortError') this.audioProblem.hidden = false; });
  }

  moved(t) {
    this.highlight(t);
    this.listeners.forEach(listener => listener(t));
  }

  highlight(t) {
    const segment = last(this.segments, t);
    if (this.mark('segment', segment, 'current-segment') && segment && this.audio && !this.audio.paused) {
      segment.el.scrollIntoView({ block: 'nearest' });
    }
    const word = last(this.words, t);
    this.mark('word', word && t <= word.end + 0.25 ? word : null, 'current-word');
  }

  /** Moves a highlight; says whether it moved. */
  mark(kind, item, cls) {
    if (this.current[kind] === item) return false;
    if (this.current[kind]) this.current[kind].el.classList.remove(cls);
    if (item) item.el.classList.add(cls);
    this.current[kind] = item;
    return true;
  }

  stop() {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.audio) {
      this.audio.pause();
      this.audio.removeAttribute('src');
      this.audio.load();
    }
  }
}

/** The last item (sorted by start) that has started by time t. */
function last(items, t) {
  let lo = 0;
  let hi = items.length - 1;
  let found = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= t + 0.001) {
      found = items[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
