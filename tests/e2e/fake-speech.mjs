// A fake SpeechRecognition and speechSynthesis, installed in the page before any app script runs
// (page.addInitScript). Headless Chromium has the real constructors but no recogniser or voices,
// so browser tests drive this fake instead: the app's adapters run the same code paths.
//
// In the page, `window.__fakeSpeech` is the controller:
//   await __fakeSpeech.say('text', { alternatives: [{ text, confidence }], confidence, interims })
//     waits for a started recogniser, emits interim results word by word, then the final result.
//   await __fakeSpeech.hear('partial words')   emits an interim result only.
//   await __fakeSpeech.fail('no-speech')      emits an error on the running recogniser, then end.
//   __fakeSpeech.failNextStart = 'not-allowed' the next start() errors at once.
//   __fakeSpeech.spoken                        every utterance the app gave speechSynthesis.
//   __fakeSpeech.lastFinalAt                   performance.now() when the last final result fired.
//   __fakeSpeech.starts / .active / .options   counts and the current recogniser's settings.

/** The init script. Runs in the page: it must not close over anything in this module. */
export function installFakeSpeech(config) {
  const cfg = { cloudAvailable: 'available', localAvailable: 'downloadable', voices: true, ...config };
  const ctl = {
    active: null,
    starts: 0,
    spoken: [],
    lastFinalAt: 0,
    failNextStart: null,
    options: null,
    installed: [],
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  function emit(target, type, props = {}) {
    const event = new Event(type);
    for (const [key, value] of Object.entries(props)) Object.defineProperty(event, key, { value });
    target.dispatchEvent(event);
    const handler = target['on' + type];
    if (typeof handler === 'function') handler.call(target, event);
  }

  function resultList(results) {
    const list = results.map((r) => {
      const alternatives = r.alternatives.map((a) => ({ transcript: a.text, confidence: a.confidence ?? 0 }));
      const result = Object.assign([...alternatives], { isFinal: r.isFinal, item: (i) => alternatives[i] });
      return result;
    });
    return Object.assign([...list], { item: (i) => list[i] });
  }

  /** The recogniser's events, each with its `on<type>` handler property (null until the app sets one). */
  const RECOGNITION_EVENTS =
    'start end error result nomatch audiostart audioend speechstart speechend soundstart soundend'.split(' ');

  class FakeSpeechRecognition extends EventTarget {
    lang = '';
    continuous = false;
    interimResults = false;
    maxAlternatives = 1;
    processLocally = false;
    _running = false;
    _finals = [];

    constructor() {
      super();
      for (const type of RECOGNITION_EVENTS) this['on' + type] = null;
    }

    start() {
      if (this._running) throw new DOMException('recognition has already started', 'InvalidStateError');
      this._running = true;
      this._finals = [];
      ctl.starts += 1;
      ctl.active = this;
      ctl.options = {
        lang: this.lang,
        continuous: this.continuous,
        interimResults: this.interimResults,
        maxAlternatives: this.maxAlternatives,
        processLocally: this.processLocally,
      };
      const failure = ctl.failNextStart;
      ctl.failNextStart = null;
      setTimeout(() => {
        if (!this._running) return;
        if (failure) {
          this._finish(failure);
          return;
        }
        if (this.processLocally && cfg.localAvailable !== 'available') {
          this._finish('language-not-supported');
          return;
        }
        emit(this, 'start');
        emit(this, 'audiostart');
      }, 0);
    }

    stop() {
      if (!this._running) return;
      setTimeout(() => this._finish(null), 0);
    }

    abort() {
      if (!this._running) return;
      setTimeout(() => this._finish('aborted'), 0);
    }

    _finish(error) {
      if (!this._running) return;
      this._running = false;
      if (ctl.active === this) ctl.active = null;
      if (error) emit(this, 'error', { error, message: '' });
      else emit(this, 'audioend');
      emit(this, 'end');
    }

    static available(options) {
      return Promise.resolve(options && options.processLocally ? cfg.localAvailable : cfg.cloudAvailable);
    }

    static install(options) {
      ctl.installed.push(options);
      cfg.localAvailable = 'available';
      return Promise.resolve(true);
    }
  }

  async function waitForActive(timeout = 3000) {
    const until = performance.now() + timeout;
    while (!(ctl.active && ctl.active._running)) {
      if (performance.now() > until) throw new Error('fake speech: no recogniser is listening');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await tick();
    return ctl.active;
  }

  /** Emits words heard so far as an interim result, after the recogniser's final results. */
  function emitInterim(rec, partial) {
    emit(rec, 'result', {
      resultIndex: rec._finals.length,
      results: resultList([
        ...rec._finals,
        { isFinal: false, alternatives: [{ text: partial, confidence: 0 }] },
      ]),
    });
  }

  ctl.say = async (text, opts = {}) => {
    const rec = await waitForActive(opts.timeout);
    const words = text.split(/\s+/).filter(Boolean);
    const confidence = opts.confidence ?? 0.92;
    const alternatives = [{ text, confidence }, ...(opts.alternatives ?? [])].slice(
      0,
      Math.max(1, rec.maxAlternatives),
    );
    emit(rec, 'soundstart');
    emit(rec, 'speechstart');
    if (rec.interimResults) {
      const steps = opts.interims ?? Math.min(3, Math.max(1, words.length - 1));
      for (let i = 1; i <= steps; i += 1) {
        const partial = words.slice(0, Math.ceil((words.length * i) / (steps + 1))).join(' ');
        emitInterim(rec, partial);
        await tick();
        if (!rec._running) return false;
      }
    }
    const index = rec._finals.length;
    rec._finals.push({ isFinal: true, alternatives });
    ctl.lastFinalAt = performance.now();
    emit(rec, 'result', { resultIndex: index, results: resultList(rec._finals) });
    emit(rec, 'speechend');
    emit(rec, 'soundend');
    if (!rec.continuous) setTimeout(() => rec._finish(null), 0);
    return true;
  };

  /** Emits an interim result only (words heard, nothing final yet). */
  ctl.hear = async (partial, opts = {}) => {
    emitInterim(await waitForActive(opts.timeout), partial);
  };

  ctl.fail = async (error, opts = {}) => {
    const rec = await waitForActive(opts.timeout);
    rec._finish(error);
  };

  ctl.waitForListening = waitForActive;

  Object.defineProperty(window, 'SpeechRecognition', {
    value: FakeSpeechRecognition,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(window, 'webkitSpeechRecognition', {
    value: FakeSpeechRecognition,
    configurable: true,
    writable: true,
  });

  // speechSynthesis: records what the caller says and finishes each utterance on the next tick.
  const voices = cfg.voices
    ? [
        {
          name: 'Fake British Female',
          lang: 'en-GB',
          default: false,
          localService: true,
          voiceURI: 'fake-gb-f',
        },
        {
          name: 'Fake British Male',
          lang: 'en-GB',
          default: false,
          localService: true,
          voiceURI: 'fake-gb-m',
        },
        { name: 'Fake American', lang: 'en-US', default: true, localService: true, voiceURI: 'fake-us' },
      ]
    : [];
  const synth = new EventTarget();
  let queue = [];
  let current = null;
  function next() {
    if (current || queue.length === 0) return;
    current = queue.shift();
    const utterance = current;
    synth.speaking = true;
    emit(utterance, 'start');
    setTimeout(() => {
      if (current !== utterance) return;
      current = null;
      synth.speaking = queue.length > 0;
      emit(utterance, 'end');
      next();
    }, cfg.speakMs ?? 5);
  }
  Object.assign(synth, {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => voices.slice(),
    speak(utterance) {
      ctl.spoken.push({
        text: utterance.text,
        lang: utterance.lang,
        rate: utterance.rate,
        pitch: utterance.pitch,
        voice: utterance.voice ? utterance.voice.name : null,
      });
      queue.push(utterance);
      next();
    },
    cancel() {
      const dropped = [current, ...queue].filter(Boolean);
      queue = [];
      current = null;
      synth.speaking = false;
      for (const u of dropped) emit(u, 'error', { error: 'interrupted' });
    },
    pause() {},
    resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  // The real utterance only accepts real SpeechSynthesisVoice objects, so it is faked too.
  class FakeUtterance extends EventTarget {
    constructor(text = '') {
      super();
      Object.assign(this, { text, lang: '', voice: null, volume: 1, rate: 1, pitch: 1 });
      for (const type of ['start', 'end', 'error', 'pause', 'resume', 'mark', 'boundary'])
        this['on' + type] = null;
    }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: FakeUtterance,
    configurable: true,
    writable: true,
  });

  window.__fakeSpeech = ctl;
}
