// The adapters the screens use, built once in src/main.ts and handed to the screens through
// AppState's context (`AppState.get().services`). Each is known here only by its port type.
import type {
  AttemptStore,
  CallerVoice,
  Catalogue,
  EngineKind,
  LoadEncoder,
  PackAdapters,
  PracticeLibrary,
  RecognitionEngine,
  SpeechSupport,
  TeamFiles,
  TeamServer,
} from '../../core/ports/index.ts';

export interface Services {
  store: () => Promise<AttemptStore>;
  /** The team server the app was served by, when signed in or able to sign in; null with static hosting. */
  team: () => Promise<TeamServer | null>;
  /** A coach's team export and import on that server (used only when signed in as a coach or admin). */
  teamFiles?: () => Promise<TeamFiles>;
  /** The scenario list for the start page; light, so the first page stays within its budget. */
  catalogue: () => Promise<Catalogue>;
  /** The packs, the scorer and the statecharts: loaded only when a call or drill opens. */
  library: () => Promise<PracticeLibrary>;
  /** The pack database, validation worker and built-in pack files, for the packs screens. */
  packs: () => Promise<PackAdapters>;
  /** The language model behind the hybrid matcher, loaded in a worker when a call first opens. */
  encoder: LoadEncoder;
  voice: CallerVoice;
  speech: {
    detect: () => Promise<SpeechSupport>;
    create: (kind: EngineKind, support: SpeechSupport) => RecognitionEngine | null;
    installLocal: () => Promise<boolean>;
  };
  /** Small preferences on this machine (voice, mute, timers). */
  prefs: Storage | null;
  /** This tab's session storage: the unsent answer of a call in progress (see drafts.ts). */
  drafts?: Storage | null;
  now: () => Date;
}
